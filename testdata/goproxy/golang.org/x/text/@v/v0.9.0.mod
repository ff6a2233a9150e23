module golang.org/x/text

require golang.org/x/tools v0.6.0 // tagx:ignore

require (
	golang.org/x/mod v0.8.0 // indirect; indirect tagx:ignore
	golang.org/x/sys v0.5.0 // indirect; indirect tagx:ignore
)

go 1.17
