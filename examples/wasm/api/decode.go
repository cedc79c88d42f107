package api

import (
	"errors"

	"go.yaml.in/yaml/v3"

	"github.com/icpcheck/icpcheck/model"
)

// ExtraFile is the file an error in the overlay (Options.Extra) names.
const ExtraFile = "extra"

// decode reads text (JSON or YAML, by its content) and overlays extra
// (YAML, of which JSON is a subset). Each document is decoded alone first,
// so that an error names a line of the text the user typed, not of the
// merged document. The merged document is YAML, and flow-style when text
// was JSON, so it is decoded as YAML: read by its content it would start
// with '{' and be taken for JSON.
func decode(text, extra string) (*model.Filing, error) {
	filing, err := model.DecodeFile("", []byte(text))
	if err != nil || blank(extra) {
		return filing, err
	}
	if _, err := model.DecodeYAML([]byte(extra)); err != nil {
		if de, ok := errors.AsType[*model.DecodeError](err); ok {
			de.File = ExtraFile
		}
		return nil, err
	}
	merged, err := model.MergeDocuments([]byte(text), []byte(extra))
	if err != nil {
		return nil, err
	}
	return model.DecodeYAML(merged)
}

// blank reports whether a document holds nothing but space and comments,
// which the overlay treats as no overlay rather than as an empty filing.
func blank(doc string) bool {
	var n yaml.Node
	return yaml.Unmarshal([]byte(doc), &n) == nil && len(n.Content) == 0
}
