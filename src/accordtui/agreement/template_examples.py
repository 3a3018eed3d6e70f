"""The commented examples `accordtui new` writes for the sections it leaves empty."""

EXAMPLES = """# The browser's other sections: uncomment and fill as needed (each may stay empty).
# `overview` (more Overview entries), `objectives` and `themes` are lists of groups:
# a heading (the release's subheading, `origin: release`, or ours, `origin: editorial`)
# and its entries.
objectives: []
#  - heading:
#      fr: "Les objectifs"  # ours
#      en: "The objectives"
#      origin: editorial
#    items:
#      - id: first-objective
#        title: {fr: "…", en: "…", origin: editorial}  # ours
#        text: {fr: "…", en: "…"}  # fr QUOTES the release: whole sentences
#        links:  # to other entries; inferred: true when the release does not say
#          - {to: lead, inferred: true}
themes: []  # the same shape as objectives
overview: []  # the same shape: entries shown after the lead and the signing
"""
