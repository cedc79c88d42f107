package model

import (
	"strconv"
)

// Check validates a Filing built in Go rather than decoded: every enumerated
// value, province, date and date-time must be valid and in the canonical form
// the decoder produces ("website", not "Website"; "hunan", not "湖南"), and
// all other text must be UTF-8 without NUL, as the decoder requires. The
// error is a *DecodeError whose Path names the first offending field; Line
// is zero. Check never modifies f.
//
// Every Validate runs Check, so it is plain typed code: each type checks its
// own fields in wire order, and the path of an error is built on the way
// back out, so that a filing without fault costs no path at all.
func Check(f *Filing) error {
	if f == nil {
		return &DecodeError{Err: &Problem{Code: CodeNilFiling}}
	}
	if err := f.check(); err != nil {
		return err
	}
	return nil
}

func (f *Filing) check() *DecodeError {
	return first(
		canonical("type", f.Type),
		canonical("province", f.Province),
		canonical("submitted_at", f.SubmittedAt),
		text("provider", f.Provider),
		under("subject", f.Subject.check()),
		each("services", f.Services, (*Service).check),
		optional("resource", f.Resource, (*Resource).check),
		each("materials", f.Materials, (*Material).check),
		optional("verification", f.Verification, (*Verification).check),
	)
}

func (s *Subject) check() *DecodeError {
	return first(
		canonical("nature", s.Nature),
		text("name", s.Name),
		under("certificate", s.Certificate.check()),
		text("mailing_address", s.MailingAddress),
		under("principal", s.Principal.check()),
	)
}

func (c *Certificate) check() *DecodeError {
	return first(
		canonical("type", c.Type),
		text("number", c.Number),
		text("address", c.Address),
		canonical("valid_from", c.ValidFrom),
		canonical("valid_until", c.ValidUntil),
	)
}

func (p *Person) check() *DecodeError {
	return first(
		text("name", p.Name),
		under("certificate", p.Certificate.check()),
		text("mobile", p.Mobile),
		text("emergency_phone", p.EmergencyPhone),
		text("email", p.Email),
	)
}

func (s *Service) check() *DecodeError {
	return first(
		canonical("kind", s.Kind),
		text("name", s.Name),
		each("domains", s.Domains, (*Domain).check),
		texts("ips", s.IPs),
		texts("content", s.Content),
		texts("languages", s.Languages),
		each("pre_approvals", s.PreApprovals, (*PreApproval).check),
		under("principal", s.Principal.check()),
		text("remarks", s.Remarks),
		text("homepage", s.Homepage),
		optional("icon", s.Icon, (*Icon).check),
		each("platforms", s.Platforms, (*Platform).check),
		each("sdks", s.SDKs, (*SDK).check),
	)
}

func (d *Domain) check() *DecodeError {
	return first(
		text("name", d.Name),
		text("holder_name", d.HolderName),
		text("holder_certificate_number", d.HolderCertificateNumber),
	)
}

func (p *PreApproval) check() *DecodeError {
	return first(text("category", p.Category), text("document_number", p.DocumentNumber))
}

func (i *Icon) check() *DecodeError { return text("format", i.Format) }

func (p *Platform) check() *DecodeError {
	return first(
		text("os", p.OS),
		text("package", p.Package),
		text("public_key", p.PublicKey),
		text("signature_md5", p.SignatureMD5),
	)
}

func (s *SDK) check() *DecodeError { return first(text("vendor", s.Vendor), text("type", s.Type)) }

func (r *Resource) check() *DecodeError {
	return first(
		canonical("type", r.Type),
		canonical("billing", r.Billing),
		text("authorization_code", r.AuthorizationCode),
	)
}

func (m *Material) check() *DecodeError {
	return first(canonical("kind", m.Kind), text("file", m.File))
}

func (v *Verification) check() *DecodeError {
	return canonical("sms_verified_at", v.SMSVerifiedAt)
}

// first returns the first error of a type's fields, in wire order.
func first(errs ...*DecodeError) *DecodeError {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// under puts err, whose path is relative, under the key or "[index]" step.
func under(step string, err *DecodeError) *DecodeError {
	if err != nil {
		switch {
		case err.Path == "":
			err.Path = step
		case err.Path[0] == '[':
			err.Path = step + err.Path
		default:
			err.Path = step + "." + err.Path
		}
	}
	return err
}

func each[E any](key string, list []E, check func(*E) *DecodeError) *DecodeError {
	for i := range list {
		if err := check(&list[i]); err != nil {
			return under(key, under("["+strconv.Itoa(i)+"]", err))
		}
	}
	return nil
}

func texts(key string, list []string) *DecodeError {
	for i, s := range list {
		if err := text("", s); err != nil {
			return under(key, under("["+strconv.Itoa(i)+"]", err))
		}
	}
	return nil
}

func optional[E any](key string, v *E, check func(*E) *DecodeError) *DecodeError {
	if v == nil {
		return nil
	}
	return under(key, check(v))
}

// text checks text that is kept as written: UTF-8 without NUL.
func text(key, s string) *DecodeError {
	if problem := textProblemOf(s); problem != textOK {
		return &DecodeError{Path: key, Err: &Problem{Code: problem.code()}}
	}
	return nil
}

// canonicalText is a type whose wire text the decoder canonicalises: the
// enumerations, Province, Date and DateTime.
type canonicalText interface {
	~string
	canonical() bool
}

// canonical accepts the empty value and canonical values, and otherwise
// canonicalises a copy to say what is wrong, so that the filing is left
// alone.
func canonical[T canonicalText](key string, v T) *DecodeError {
	if v == "" || v.canonical() {
		return nil
	}
	var cp T
	if err := any(&cp).(textValue).setText(string(v)); err != nil {
		return &DecodeError{Path: key, Err: err}
	}
	return &DecodeError{Path: key, Err: &Problem{Code: CodeNotCanonical, Value: string(v), Canonical: string(cp)}}
}
