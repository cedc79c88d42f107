module github.com/icpcheck/icpcheck/model/schematest

go 1.26.0

replace github.com/icpcheck/icpcheck => ../..

require (
	github.com/icpcheck/icpcheck v0.0.0-00010101000000-000000000000
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	go.yaml.in/yaml/v3 v3.0.4
)

require golang.org/x/text v0.44.0 // indirect
