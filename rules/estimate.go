package rules

import (
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/types"
)

// The sizes the static cost estimate assumes for values a filing supplies.
// They are the decoder's default limits; a filing built in Go may exceed
// them, but then only linearly: a quadratic expression is still stopped by
// the runtime limit it keeps.
const (
	estimateListItems   = 10_000
	estimateStringBytes = 1 << 16
)

// sizeBounds tells the CEL cost estimator how large filing values can be, so
// that most expressions get a finite worst case at load time and can skip
// runtime cost tracking, which roughly doubles the price of an evaluation.
type sizeBounds struct {
	listItems, stringBytes uint64
	// inputsOnly: the bounds hold only for what the filing, the facts and
	// the submission day supply (see smallFiling); every other value is
	// taken at the decoder's limits.
	inputsOnly bool
}

// anyFiling bounds every filing the decoder accepts.
var anyFiling = sizeBounds{listItems: estimateListItems, stringBytes: estimateStringBytes}

func (b sizeBounds) EstimateSize(n cost.AstNode) *cost.SizeEstimate {
	if n.ComputedSize() != nil {
		return nil
	}
	if path := n.Path(); len(path) > 0 && path[0] == "params" {
		// A shared rule's params are constants of the rule files, which
		// the loader bounds (MaxParamItems, MaxParamBytes); typed dyn, a
		// param gets the larger bound whatever it holds.
		return &cost.SizeEstimate{Min: 0, Max: max(MaxParamItems, MaxParamBytes)}
	}
	if b.inputsOnly && !fromInput(n.Path()) {
		b = anyFiling
	}
	switch n.Type().Kind() {
	case types.ListKind, types.MapKind:
		return &cost.SizeEstimate{Min: 0, Max: b.listItems}
	case types.StringKind, types.BytesKind:
		return &cost.SizeEstimate{Min: 0, Max: b.stringBytes}
	}
	return nil
}

func (sizeBounds) EstimateCallCost(function, overloadID string, target *cost.AstNode, args []cost.AstNode) *cost.CallEstimate {
	return nil
}
