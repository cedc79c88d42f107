package rules

import (
	"maps"
	"slices"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/types"
)

// The cost of icpcheck's Go functions, so that a rule's cost limit bounds
// its time: every function costs a call plus an amount per byte (or item)
// of its first argument, which is what it reads. The static estimate uses
// the same model, so an expression that could call one many times on long
// text is metered as it runs and stopped at its limit.
//
// The factors are per byte: 1 for the functions that normalise text (NFKC,
// width folding) or parse it as a host name, an identifier or an address,
// which do several steps per byte; 0.1, CEL's own factor for a string
// scan, for those that only compare or look text up.
func costModels(lists map[string]*wordList) cel.EnvOption {
	perByte := func(factor float64, result cost.QuantityExpr) []cost.OverloadModelOption {
		opts := []cost.OverloadModelOption{cost.EvalCost(cost.Sum(cost.Const(cost.CallCost), cost.Scale(cost.Length(cost.Arg(0)), factor)))}
		if result != nil {
			opts = append(opts, cost.ResultSize(result))
		}
		return opts
	}
	small := cost.AtMost(cost.Const(64))            // a province slug or name, a date, a problem
	asLong := cost.AtMost(cost.Length(cost.Arg(0))) // at most as long as the text read
	models := map[string][]cost.OverloadModelOption{
		"normalize_string":                    perByte(1, cost.AtMost(cost.Scale(cost.Length(cost.Arg(0)), 3))),
		"has_words_string_string":             perByte(1, nil),
		"found_words_string_string":           append(perByte(1, nil), cost.ManualEstimator(wordsFound(lists))),
		"prefix_words_string_string":          append(perByte(1, nil), cost.ManualEstimator(wordsFound(lists))),
		"province_name_string":                perByte(0.1, small),
		"province_string":                     perByte(0.1, small),
		"certificate_province_string_string":  perByte(0.1, small),
		"resident_id_birth_string":            perByte(1, small),
		"resident_id_plausible_string_string": perByte(1, nil),
		"resident_id_problem_string":          perByte(1, small),
		"resident_id_problem_string_string":   perByte(1, small),
		"uscc_problem_string":                 perByte(1, small),
		"mobile_problem_string":               perByte(1, small),
		"phone_problem_string":                perByte(1, small),
		"email_problem_string":                perByte(1, small),
		"ip_problem_string":                   perByte(1, small),
		"age_at_string_string":                perByte(0.1, nil),
		"add_months_string_int":               perByte(0.1, small),
		"sum_list_int":                        perByte(1, nil),
		"unique_list_string":                  perByte(2, asLong),
		"set_list_string":                     perByte(2, asLong),
		"duplicates_list_string":              perByte(2, asLong),
		"hostname_problem_string":             perByte(1, small),
		"registrable_domain_string":           perByte(1, asLong),
		"main_label_string":                   perByte(1, asLong),
		// A loop over the materials, as many as a list can hold, at
		// CEL's factor for a cheap look at each.
		"filing_has_material_string":     {cost.EvalCost(cost.Const(cost.CallCost + estimateListItems/10))},
		"filing_has_material_string_int": {cost.EvalCost(cost.Const(cost.CallCost + estimateListItems/10))},
	}
	for name := range boolFunctions {
		models[name+"_string"] = perByte(1, nil)
	}
	for _, f := range lateFunctions {
		if _, ok := models[f.name+"_string"]; !ok {
			models[f.name+"_string"] = perByte(1, nil)
		}
	}
	var out []cost.OverloadModel
	for _, id := range slices.Sorted(maps.Keys(models)) {
		out = append(out, cost.Overload(id, models[id]...))
	}
	return cel.CostModel(out...)
}

// wordsFound estimates found_words and prefix_words as their per-byte
// model does, with the size of what they return: each word of the list at
// most once, in the list's own spelling, so no more items than the list
// has words (nor than the text has bytes) and none longer than its longest
// word. The list is known when the rule names it by a literal.
func wordsFound(lists map[string]*wordList) cost.FunctionEstimator {
	return func(est cost.Estimator, _ *cost.AstNode, args []cost.AstNode) *cost.CallEstimate {
		text := cost.EstimateSize(est, args[0])
		call := cost.FixedCostEstimate(cost.CallCost).Add(text.MultiplyByCostFactor(1))
		size := cost.SizeEstimate{Max: text.Max}
		if name, ok := literal(args[1]); ok && lists[name] != nil {
			words := lists[name].words
			longest := 0
			for _, w := range words {
				longest = max(longest, len(w))
			}
			size.Max = min(size.Max, uint64(len(words)))
			size.Elem = &cost.SizeEstimate{Max: uint64(longest)}
		}
		return cost.NewCallEstimate(call, &size)
	}
}

// literal is the string a node of the estimate is, when it is a literal.
func literal(n cost.AstNode) (string, bool) {
	if n.Expr() == nil {
		return "", false
	}
	s, ok := n.Expr().AsLiteral().(types.String)
	return string(s), ok
}
