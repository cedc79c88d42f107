package model_test

import (
	"errors"
	"fmt"

	"github.com/icpcheck/icpcheck/model"
)

func ExampleDecodeFile() {
	data := []byte("{\n  \"subject\": {\"principal\": {\"mobile\": 13800138000}}\n}\n")
	_, err := model.DecodeFile("filing.json", data)
	var de *model.DecodeError
	if errors.As(err, &de) {
		fmt.Println(de.Path, de.Line)
	}
	fmt.Println(err)
	// Output:
	// subject.principal.mobile 2
	// filing.json:2:39: subject.principal.mobile: expected a string, got number 13800138000
}

func ExampleEncodeYAML() {
	f, err := model.DecodeJSON([]byte(`{
  "type": "New_Service",
  "province": "陕西",
  "services": [{"kind": "Website", "domains": ["example.com", {"name": "example.cn", "realname_verified": true}]}]
}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := model.EncodeYAML(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
	// Output:
	// type: new_service
	// province: shaanxi
	// services:
	//   - kind: website
	//     domains:
	//       - example.com
	//       - name: example.cn
	//         realname_verified: true
}

func ExampleCheck() {
	f := &model.Filing{Type: model.FirstFiling, Province: "湖南"}
	fmt.Println(model.Check(f))
	// Output:
	// province: "湖南" is not in canonical form; write "hunan"
}
