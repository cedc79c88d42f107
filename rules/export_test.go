package rules

// CELOnly compiles every conjunct of every when as CEL, without fieldGuards.
func CELOnly() CompileOption {
	return func(c *compileConfig) { c.celOnly = true }
}

// FieldGuards counts the conjuncts of rule id's when, needs and check that
// are decided in Go.
func FieldGuards(s *Set, id string) int {
	for _, g := range s.groups() {
		compiled, _ := g.get()
		for _, cr := range compiled {
			if cr.rule.ID == id {
				n := 0
				for _, c := range []condition{cr.filingWhen, cr.serviceWhen, cr.when, cr.needs, cr.check} {
					n += len(c.guards)
				}
				return n
			}
		}
	}
	return -1
}
