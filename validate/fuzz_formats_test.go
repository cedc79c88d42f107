package validate_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/icpcheck/icpcheck/model"
	"github.com/icpcheck/icpcheck/validate"
)

// FuzzFormatsAgree checks that a filing's report does not depend on how the
// filing was written: the filing as read from the fuzzer's bytes, its
// canonical JSON, its YAML from model.EncodeYAML, and its JSON with the keys
// of every object in an order drawn from seed all give byte-identical
// reports. The seed's low bit picks the report's language.
func FuzzFormatsAgree(f *testing.F) {
	for k, data := range fuzzFilingSeeds(f) {
		f.Add(data, uint64(k))
	}
	v, err := validate.New(validate.WithDate("2026-03-02"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, seed uint64) {
		lang := validate.Chinese
		if seed&1 != 0 {
			lang = validate.English
		}
		for _, decode := range fuzzDecoders {
			filing, err := decode(data)
			if err != nil {
				continue
			}
			canonical, err := model.EncodeJSON(filing)
			if err != nil {
				continue // not canonical (a filing built in Go): Validate refuses it too
			}
			yamlText, err := model.EncodeYAML(filing)
			if err != nil {
				t.Fatalf("EncodeYAML failed where EncodeJSON did not: %v", err)
			}
			shuffled, err := shuffleKeys(canonical, rand.New(rand.NewPCG(seed, seed>>1)))
			if err != nil {
				t.Fatalf("shuffling the keys of our own JSON: %v", err)
			}
			want := reportText(t, v, filing, lang)
			for _, form := range []struct {
				name   string
				text   []byte
				decode func([]byte) (*model.Filing, error)
			}{
				{"canonical JSON", canonical, model.DecodeJSON},
				{"YAML", yamlText, model.DecodeYAML},
				{"JSON with shuffled keys", shuffled, model.DecodeJSON},
			} {
				again, err := form.decode(form.text)
				if errors.Is(err, model.ErrLimit) {
					continue // a filing built in Go may be over the decoder's limits
				}
				if err != nil {
					t.Fatalf("the filing as %s does not decode: %v\n%s", form.name, err, form.text)
				}
				if got := reportText(t, v, again, lang); got != want {
					t.Fatalf("the report of the filing as %s differs (-as read +%s):\n%s\n%s:\n%s",
						form.name, form.name, cmp.Diff(want, got), form.name, form.text)
				}
			}
		}
	})
}

// reportText is the report of filing as JSON text, or the text of the
// error Validate returned.
func reportText(t *testing.T, v *validate.Validator, filing *model.Filing, lang validate.Language) string {
	t.Helper()
	r, err := v.Validate(context.Background(), filing, validate.InLanguage(lang))
	if err != nil {
		return "error: " + err.Error()
	}
	out, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// shuffleKeys writes a JSON document again, compact, with the keys of every
// object in an order drawn from rng; arrays keep their order and scalars
// their text.
func shuffleKeys(doc []byte, rng *rand.Rand) ([]byte, error) {
	var buf bytes.Buffer
	err := writeShuffled(&buf, json.RawMessage(doc), rng)
	return buf.Bytes(), err
}

func writeShuffled(buf *bytes.Buffer, doc json.RawMessage, rng *rand.Rand) error {
	doc = bytes.TrimSpace(doc)
	switch {
	case len(doc) > 0 && doc[0] == '{':
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(doc, &obj); err != nil {
			return err
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys) // from the map's random order to one the seed decides
		rng.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
		buf.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				buf.WriteByte(',')
			}
			name, err := json.Marshal(k)
			if err != nil {
				return err
			}
			buf.Write(name)
			buf.WriteByte(':')
			if err := writeShuffled(buf, obj[k], rng); err != nil {
				return err
			}
		}
		buf.WriteByte('}')
	case len(doc) > 0 && doc[0] == '[':
		var items []json.RawMessage
		if err := json.Unmarshal(doc, &items); err != nil {
			return err
		}
		buf.WriteByte('[')
		for i, item := range items {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := writeShuffled(buf, item, rng); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
	default:
		buf.Write(doc)
	}
	return nil
}
