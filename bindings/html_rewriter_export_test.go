package bindings

// RewriteUntouched runs the HTMLRewriter engine over chunks with element,
// text and comment handlers registered on each selector (or, with none,
// document handlers) but changing nothing, and returns the output, for
// the passthrough tests.
func RewriteUntouched(chunks [][]byte, selectors ...string) ([]byte, error) {
	var e rwEngine
	for _, s := range selectors {
		sel, err := parseSelector(s)
		if err != nil {
			return nil, err
		}
		e.selectors = append(e.selectors, sel)
		e.handlers = append(e.handlers, handlerSet{element: true, comments: true, text: true})
	}
	if len(selectors) == 0 {
		e.doc = handlerSetDoc{doctype: true, comments: true, text: true, end: true}
	}
	var out []byte
	drain := func() {
		for {
			ev, ok := e.next()
			if !ok {
				break
			}
			e.commit(ev)
		}
		out = append(out, e.takeOutput()...)
	}
	for _, c := range chunks {
		e.z.feed(c)
		drain()
	}
	e.z.eof = true
	drain()
	return out, nil
}
