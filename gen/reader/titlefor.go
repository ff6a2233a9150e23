package reader

// titleFor returns the text to name an error by, from its description, and
// when there is none, why.
func titleFor(desc string) (title, note string) { return desc, "" }
