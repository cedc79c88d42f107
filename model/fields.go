package model

import (
	"strconv"
	"strings"
)

// label is a field's name in Chinese and English.
type label struct{ zh, en string }

// fieldNames name the fields of each part of a filing that a list holds
// (the filing itself, a service, a domain, …) by their key path inside it,
// so that a report tells an applicant which field it means and a form can
// label its inputs.
var fieldNames = func() map[string]map[string]label {
	certificate := func(m map[string]label, at string, l label) {
		m[at] = l
		for k, v := range map[string]label{
			"type": {"类型", " type"}, "number": {"号码", " number"}, "address": {"住址", " address"},
			"valid_from": {"有效期起始日期", " validity start"}, "valid_until": {"有效期截止日期", " validity end"},
			"long_term": {"是否长期有效", " long-term validity"},
		} {
			m[at+"."+k] = label{l.zh + v.zh, l.en + v.en}
		}
	}
	person := func(m map[string]label, at string, l label) {
		m[at] = l
		certificate(m, at+".certificate", label{l.zh + "证件", l.en + "'s certificate"})
		for k, v := range map[string]label{
			"name": {"姓名", "'s name"}, "mobile": {"手机号码", "'s mobile number"},
			"emergency_phone": {"应急电话", "'s emergency phone"}, "email": {"电子邮件地址", "'s e-mail address"},
			"legal_representative": {"是否为法定代表人", " is the legal representative"},
		} {
			m[at+"."+k] = label{l.zh + v.zh, l.en + v.en}
		}
	}
	filing := map[string]label{
		"type": {"备案类型", "filing type"}, "province": {"备案地域", "filing province"},
		"submitted_at": {"提交日期", "submission date"}, "provider": {"接入商", "access provider"},
		"subject": {"主办单位", "subject"}, "subject.nature": {"主办单位性质", "subject nature"},
		"subject.name": {"主办单位名称", "subject name"}, "subject.mailing_address": {"通讯地址", "mailing address"},
		"services": {"网站/APP", "services"}, "materials": {"上传资料", "uploaded materials"},
		"resource": {"备案资源", "filing resource"}, "resource.type": {"资源类型", "resource type"},
		"resource.billing": {"计费方式", "billing"}, "resource.months": {"累计购买月数", "subscribed months"},
		"resource.authorization_code": {"备案授权码", "authorization code"},
		"verification":                {"核验记录", "verification"}, "verification.face_verified": {"真实性核验", "face verification"},
		"verification.sms_verified_at": {"短信核验时间", "SMS verification time"},
	}
	certificate(filing, "subject.certificate", label{"主办单位证件", "subject certificate"})
	person(filing, "subject.principal", label{"主体负责人", "subject principal"})
	service := map[string]label{
		"kind": {"服务类型", "kind"}, "name": {"名称", "name"}, "domains": {"域名", "domains"},
		"ips": {"IP地址", "IP addresses"}, "content": {"服务内容", "service content"}, "languages": {"语言", "languages"},
		"pre_approvals": {"前置审批", "pre-approvals"}, "remarks": {"备注", "remarks"}, "homepage": {"首页地址", "homepage"},
		"icon": {"图标", "icon"}, "icon.format": {"图标格式", "icon format"}, "icon.size_bytes": {"图标大小", "icon size"},
		"platforms": {"运行平台", "platforms"}, "sdks": {"SDK服务", "SDK services"},
	}
	person(service, "principal", label{"负责人", "principal"})
	return map[string]map[string]label{
		"":         filing,
		"services": service,
		"domains": {"": {"域名", "domain"}, "name": {}, // the domain itself "holder_name": {"域名持有者", "domain holder"},
			"holder_certificate_number": {"域名持有者证件号码", "domain holder's certificate number"},
			"realname_verified":         {"域名是否已实名认证", "domain real-name verification"}},
		"ips":           {"": {"IP地址", "IP address"}},
		"content":       {"": {"服务内容", "service content"}},
		"languages":     {"": {"语言", "language"}},
		"pre_approvals": {"": {"前置审批", "pre-approval"}, "category": {"前置审批类型", "pre-approval category"}, "document_number": {"审批文号", "document number"}},
		"platforms": {"": {"运行平台", "platform"}, "os": {"平台类型", "platform type"}, "package": {"包名", "package name"},
			"public_key": {"公钥", "public key"}, "signature_md5": {"MD5签名值", "MD5 signature"}},
		"sdks":      {"": {"SDK服务", "SDK service"}, "vendor": {"SDK服务厂商", "SDK vendor"}, "type": {"SDK类型", "SDK type"}},
		"materials": {"": {"资料", "material"}, "kind": {"资料类型", "material kind"}, "service": {"所属网站/APP", "service"}, "file": {"文件名", "file name"}, "size_bytes": {"文件大小", "file size"}},
	}
}()

// itemNames name one item of a list, numbered from 1.
var itemNames = map[string]label{
	"services": {"第%d个网站/APP", "service %d"}, "domains": {"第%d个域名", "domain %d"},
	"ips": {"第%d个IP地址", "IP address %d"}, "content": {"第%d项服务内容", "content item %d"},
	"languages": {"第%d种语言", "language %d"}, "pre_approvals": {"第%d项前置审批", "pre-approval %d"},
	"platforms": {"第%d个运行平台", "platform %d"}, "sdks": {"第%d个SDK服务", "SDK service %d"},
	"materials": {"第%d份资料", "material %d"},
}

// everyItem turns the name of an item of a list ("第%d个网站/APP",
// "service %d") into that of every item ("每个网站/APP", "each service").
func everyItem(name string) string {
	if strings.HasPrefix(name, "第%d") {
		return "每" + strings.TrimPrefix(name, "第%d")
	}
	return "each " + strings.Replace(name, " %d", "", 1)
}

// FieldName names the field at a key path of a filing, such as
// "services[1].principal.mobile", for an applicant in language l:
// "第2个网站/APP的负责人手机号码", "service 2's principal's mobile number".
// An index left empty stands for every item: "services[].principal.mobile"
// is "每个网站/APP的负责人手机号码", "each service's principal's mobile
// number". A path that names no field of a filing is returned as it is.
func FieldName(path string, l Language) string {
	pick := func(x label) string {
		if l == English {
			return x.en
		}
		return x.zh
	}
	var parts []string
	table, local := "", ""
	for _, step := range strings.Split(path, ".") {
		key, rest, indexed := strings.Cut(step, "[")
		if local != "" {
			local += "."
		}
		local += key
		if !indexed {
			continue
		}
		index := strings.TrimSuffix(rest, "]")
		n, err := strconv.Atoi(index)
		item, ok := itemNames[key]
		if (err != nil && index != "") || !ok || local != key {
			return path
		}
		if index == "" {
			parts = append(parts, everyItem(pick(item)))
		} else {
			parts = append(parts, strings.Replace(pick(item), "%d", strconv.Itoa(n+1), 1))
		}
		table, local = key, ""
	}
	if local != "" || len(parts) == 0 {
		name, ok := fieldNames[table][local]
		if !ok {
			return path
		}
		if pick(name) != "" {
			parts = append(parts, pick(name))
		}
	}
	if l == English {
		return strings.Join(parts, "'s ")
	}
	return strings.Join(parts, "的")
}
