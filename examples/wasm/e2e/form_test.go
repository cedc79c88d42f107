package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// The filings below are typed into the form as a filer would, each one
// complete: every field the required rules name is filled in, so a check
// finds nothing to fill.

// fillHunanEnterprise fills the form with a clean Hunan enterprise filing
// of one website whose principal is the subject principal.
func fillHunanEnterprise(t *testing.T, ctx context.Context) {
	t.Helper()
	run(t, ctx,
		setSelect("#province", "hunan"),
		setSelect("#filing_type", "first_filing"),
		setSelect("#nature", "enterprise"),
		chromedp.SendKeys("#subject_name", "长沙湘云网络科技有限公司", chromedp.ByQuery),
		setSelect("#cert_type", "business_license"),
		chromedp.SendKeys("#cert_number", "91430102MA4L7Q2K9T", chromedp.ByQuery),
		chromedp.SendKeys("#cert_address", "湖南省长沙市芙蓉区五一大道100号", chromedp.ByQuery),
		chromedp.SendKeys("#mailing_address", "湖南省长沙市芙蓉区五一大道100号", chromedp.ByQuery),
		chromedp.SendKeys("#p_name", "刘湘", chromedp.ByQuery),
		chromedp.SendKeys("#p_id", "430102198803121231", chromedp.ByQuery),
		chromedp.SendKeys("#p_valid_from", "2018-01-01", chromedp.ByQuery),
		chromedp.SendKeys("#p_valid_until", "2038-01-01", chromedp.ByQuery),
		chromedp.SendKeys("#p_mobile", "13807311234", chromedp.ByQuery),
		chromedp.SendKeys("#p_emergency", "0731-84001234", chromedp.ByQuery),
		chromedp.SendKeys("#p_email", "liuxiang@xiangyun.example.cn", chromedp.ByQuery),
		chromedp.SendKeys(service(1, ".name"), "湘云科技", chromedp.ByQuery),
		chromedp.SendKeys(service(1, ".domains"), "xiangyun-tech.cn", chromedp.ByQuery),
		chromedp.SendKeys(service(1, ".ips"), "121.37.10.20", chromedp.ByQuery),
		chromedp.SendKeys(service(1, ".content"), "企业门户", chromedp.ByQuery),
		tick("#materials", "identity_document"),
		tick("#materials", "business_license"),
	)
}

// fillHenanIndividual fills the form with a Henan personal website whose
// name holds words Henan bans for personal sites, and nothing else wrong
// but those words.
func fillHenanIndividual(t *testing.T, ctx context.Context) {
	t.Helper()
	run(t, ctx,
		setSelect("#province", "henan"),
		setSelect("#filing_type", "first_filing"),
		setSelect("#nature", "individual"),
		chromedp.SendKeys("#subject_name", "赵中原", chromedp.ByQuery),
		setSelect("#cert_type", "resident_id"),
		chromedp.SendKeys("#cert_number", "410102198803121238", chromedp.ByQuery),
		chromedp.SendKeys("#cert_address", "河南省郑州市中原区中山路16号", chromedp.ByQuery),
		chromedp.SendKeys("#mailing_address", "河南省郑州市中原区中山路16号", chromedp.ByQuery),
		chromedp.SendKeys("#p_name", "赵中原", chromedp.ByQuery),
		chromedp.SendKeys("#p_id", "410102198803121238", chromedp.ByQuery),
		chromedp.SendKeys("#p_valid_from", "2018-05-01", chromedp.ByQuery),
		chromedp.SendKeys("#p_valid_until", "2038-05-01", chromedp.ByQuery),
		chromedp.SendKeys("#p_mobile", "13903711234", chromedp.ByQuery),
		chromedp.SendKeys("#p_emergency", "0371-82012610", chromedp.ByQuery),
		chromedp.SendKeys("#p_email", "zhaozhongyuan@example.cn", chromedp.ByQuery),
		chromedp.Click("#p_legal", chromedp.ByQuery),
		chromedp.SendKeys(service(1, ".name"), "老赵设计工作室", chromedp.ByQuery),
		chromedp.SendKeys(service(1, ".domains"), "laozhao-design.cn", chromedp.ByQuery),
		chromedp.SendKeys(service(1, ".ips"), "121.36.10.20", chromedp.ByQuery),
		chromedp.SendKeys(service(1, ".content"), "博客/个人空间", chromedp.ByQuery),
		chromedp.SendKeys(service(1, ".remarks"), "个人平面设计作品与设计心得", chromedp.ByQuery),
		tick("#materials", "identity_document"),
	)
}

// fillBeijingApp fills the form with a clean Beijing personal APP: its
// icon and one platform, a long-term ID, and the APP's principal typed
// with name and ID only (the subject principal's, whose contacts the
// required rules take as reused).
func fillBeijingApp(t *testing.T, ctx context.Context) {
	t.Helper()
	run(t, ctx,
		setSelect("#province", "beijing"),
		setSelect("#filing_type", "first_filing"),
		setSelect("#nature", "individual"),
		chromedp.SendKeys("#subject_name", "王建国", chromedp.ByQuery),
		setSelect("#cert_type", "resident_id"),
		chromedp.SendKeys("#cert_number", "110105198803121236", chromedp.ByQuery),
		chromedp.SendKeys("#cert_address", "北京市朝阳区建国路88号院3号楼2单元501", chromedp.ByQuery),
		chromedp.SendKeys("#mailing_address", "北京市朝阳区建国路88号院3号楼2单元501", chromedp.ByQuery),
		chromedp.SendKeys("#p_name", "王建国", chromedp.ByQuery),
		chromedp.SendKeys("#p_id", "110105198803121236", chromedp.ByQuery),
		chromedp.SendKeys("#p_valid_from", "2018-05-01", chromedp.ByQuery),
		chromedp.Click("#p_long_term", chromedp.ByQuery),
		chromedp.SendKeys("#p_mobile", "13801234567", chromedp.ByQuery),
		chromedp.SendKeys("#p_emergency", "13901112222", chromedp.ByQuery),
		chromedp.SendKeys("#p_email", "wangjianguo@example.cn", chromedp.ByQuery),
		chromedp.Click("#p_legal", chromedp.ByQuery),
		setSelect(service(1, ".kind"), "app"),
		chromedp.SendKeys(service(1, ".name"), "建国记账", chromedp.ByQuery),
		chromedp.SendKeys(service(1, ".domains"), "api.jianguo-notes.cn", chromedp.ByQuery),
		chromedp.SendKeys(service(1, ".ips"), "121.36.10.20", chromedp.ByQuery),
		chromedp.SendKeys(service(1, ".content"), "工具", chromedp.ByQuery),
		chromedp.SendKeys(service(1, ".remarks"), "个人记账工具", chromedp.ByQuery),
		setSelect(service(1, ".icon-format"), "png"),
		setSelect(rowField(1, "platforms", 1, "os")+" select", "android"),
		chromedp.SendKeys(rowField(1, "platforms", 1, "package")+" input", "cn.jianguo.notes", chromedp.ByQuery),
		chromedp.SendKeys(rowField(1, "platforms", 1, "public_key")+" input", "MIIBIjANBgkq", chromedp.ByQuery),
		chromedp.SendKeys(rowField(1, "platforms", 1, "signature_md5")+" input", "0123456789abcdef0123456789abcdef", chromedp.ByQuery),
		chromedp.Click(service(1, ".same"), chromedp.ByQuery),
		chromedp.SendKeys(service(1, ".pname"), "王建国", chromedp.ByQuery),
		chromedp.SendKeys(service(1, ".pid"), "110105198803121236", chromedp.ByQuery),
		tick("#materials", "identity_document"),
	)
}

func service(n int, field string) string {
	return fmt.Sprintf("#services .service:nth-of-type(%d) %s", n, field)
}

// rowField is the field of key in the row-th element of a service's list.
func rowField(n int, list string, row int, key string) string {
	return service(n, fmt.Sprintf(`.rows[data-list=%q] > .row:nth-of-type(%d) [data-key=%q]`, list, row, key))
}

// tick ticks the box of value in a list of tick boxes, as a click would.
func tick(list, value string) chromedp.Action {
	return chromedp.Click(fmt.Sprintf(`%s input[value=%q]`, list, value), chromedp.ByQuery)
}
