package main

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/icpcheck/icpcheck/validate"
)

// text is one of the service's own messages, in both languages a report
// can have, so that an error body is wholly in the language asked for.
type text struct{ zh, en string }

// in formats the message in language l with args.
func (t text) in(l validate.Language, args ...any) string {
	if l == validate.English {
		return fmt.Sprintf(t.en, args...)
	}
	return fmt.Sprintf(t.zh, args...)
}

// The service's own messages. Values quoted from the request keep the
// caller's spelling.
var (
	msgNotFound         = text{"接口 %s 不存在", "no endpoint %s"}
	msgMethodNotAllowed = text{"%s 不支持 %s 方法,允许:%s", "%s does not allow %s; allowed: %s"}
	msgUnknownParam     = text{"不支持查询参数「%s」,本接口只接受:%s", "unknown query parameter %q; this endpoint accepts: %s"}
	msgRepeatedParam    = text{"查询参数「%s」只能给一次", "query parameter %q is given more than once"}
	msgBadLang          = text{"查询参数 lang 的值「%s」无效,应为 zh 或 en", "query parameter lang %q: want zh or en"}
	msgBadDate          = text{"查询参数 date 的值「%s」不是有效日期,应为 YYYY-MM-DD", "query parameter date %q is not a valid date YYYY-MM-DD"}
	msgBadScope         = text{"scope「%s」不是省份,也不是 %s 之一", "scope %q is neither a province nor one of %s"}
	msgBadContentType   = text{"无法解析 Content-Type「%s」", "Content-Type %q cannot be parsed"}
	msgUnsupportedType  = text{"不支持 Content-Type「%s」,请发送 application/json 或 application/yaml(UTF-8)", "Content-Type %q is not supported: send application/json or application/yaml (UTF-8)"}
	msgBodyTooLarge     = text{"请求体超过 %d 字节的上限", "request body is larger than %d bytes"}
	msgBodyUnreadable   = text{"读取请求体失败", "the request body could not be read"}
	msgBusy             = text{"同时进行的检查已达上限,请稍后重试", "too many checks are under way; retry later"}
	msgTooSlow          = text{"检查未能在 %s 内完成,请稍后重试", "the check did not finish within %s; retry later"}
	msgInternal         = text{"内部错误,未能检查此备案", "internal error: the filing could not be checked"}
)

// retryAfter is the Retry-After of a 503, in seconds: long enough for a
// running check of a typical filing to finish and free its slot.
const retryAfter = "1"

// writeMessage answers with the error body {"error": {"message": …}}, the
// shape validate.NewErrorBody gives for a filing that cannot be read, so
// that a client parses every error the same way.
func writeMessage(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, validate.ErrorBody{Error: validate.InputError{Message: message}})
}

// writeJSON leaves < > & unescaped, since messages quote filing values that
// may contain them and no caller embeds the JSON in HTML.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	// The values are plain structs that always encode, so an error here is
	// a failed write: the client has gone and there is no one to tell.
	_ = enc.Encode(v)
}
