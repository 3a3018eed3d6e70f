"""`accordtui serve`: the browser in web pages, one app process per tab."""
