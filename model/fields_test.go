package model

import "testing"

func TestFieldName(t *testing.T) {
	for _, c := range []struct{ path, zh, en string }{
		{"province", "备案地域", "filing province"},
		{"subject.name", "主办单位名称", "subject name"},
		{"subject.certificate.number", "主办单位证件号码", "subject certificate number"},
		{"subject.principal.mobile", "主体负责人手机号码", "subject principal's mobile number"},
		{"subject.principal.certificate.valid_until", "主体负责人证件有效期截止日期", "subject principal's certificate validity end"},
		{"services", "网站/APP", "services"},
		{"services[1]", "第2个网站/APP", "service 2"},
		{"services[1].principal.mobile", "第2个网站/APP的负责人手机号码", "service 2's principal's mobile number"},
		{"services[0].domains[2]", "第1个网站/APP的第3个域名", "service 1's domain 3"},
		{"services[0].domains[2].name", "第1个网站/APP的第3个域名", "service 1's domain 3"},
		{"services[0].platforms[0].signature_md5", "第1个网站/APP的第1个运行平台的MD5签名值", "service 1's platform 1's MD5 signature"},
		{"services[0].icon.format", "第1个网站/APP的图标格式", "service 1's icon format"},
		{"materials[3].kind", "第4份资料的资料类型", "material 4's material kind"},
		{"resource.authorization_code", "备案授权码", "authorization code"},
		// an empty index stands for every item
		{"services[].principal.mobile", "每个网站/APP的负责人手机号码", "each service's principal's mobile number"},
		{"services[].platforms[].os", "每个网站/APP的每个运行平台的平台类型", "each service's each platform's platform type"},
		{"services[].content[]", "每个网站/APP的每项服务内容", "each service's each content item"},
		{"materials[].kind", "每份资料的资料类型", "each material's material kind"},
		// not fields of a filing: returned as they are
		{"subject.nmae", "subject.nmae", "subject.nmae"},
		{"services[x].name", "services[x].name", "services[x].name"},
		{"subject[0]", "subject[0]", "subject[0]"},
	} {
		if got := FieldName(c.path, Chinese); got != c.zh {
			t.Errorf("FieldName(%q, zh) = %q, want %q", c.path, got, c.zh)
		}
		if got := FieldName(c.path, English); got != c.en {
			t.Errorf("FieldName(%q, en) = %q, want %q", c.path, got, c.en)
		}
	}
}
