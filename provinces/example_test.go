package provinces_test

import (
	"fmt"
	"io/fs"

	"github.com/icpcheck/icpcheck/provinces"
	"github.com/icpcheck/icpcheck/rules"
)

// The embedded rule files, one per scope, read as a program of your own
// would read its rule files.
func ExampleFS() {
	files, err := rules.Load(provinces.FS())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range files {
		if f.Name == "henan.yaml" || f.Name == "shared.yaml" {
			fmt.Println(f.Name, f.Scope)
		}
	}
	// Output:
	// henan.yaml henan
	// shared.yaml shared
}

// The bundle holds the same files, parsed and with their expressions
// checked, so that validate.New starts without YAML or type-checking.
func ExampleBundle() {
	data, err := provinces.Bundle()
	if err != nil {
		fmt.Println(err)
		return
	}
	bundled, err := rules.DecodeBundle(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	names, _ := fs.Glob(provinces.FS(), "*.yaml")
	fmt.Println(len(bundled) == len(names))
	// Output: true
}
