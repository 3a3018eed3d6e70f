"""Writing out: atomic no-clobber files, complete writes to stdout, inert printed text."""
