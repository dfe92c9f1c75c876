package bindings

// Value formatting for console output, in the style of Node's util.inspect,
// which is what workerd's console prints.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"workerhost/jsruntime"
)

// inspectDepth is how deep nested objects are shown before [Object].
const inspectDepth = 2

// Inspect renders any value as console.log shows it inside an object:
// strings quoted. On the loop.
func (rl *Realm) Inspect(v goja.Value) string {
	return (&inspector{rl: rl}).value(v, 0)
}

// inspectTop renders a console argument: a string is printed as is.
func (rl *Realm) inspectTop(v goja.Value) string {
	if _, isSymbol := v.(*goja.Symbol); isSymbol {
		return rl.Inspect(v)
	}
	if s, ok := safeExport(v).(string); ok && v.ExportType() != nil && v.ExportType().Kind().String() == "string" {
		return s
	}
	return rl.Inspect(v)
}

// jsonStringify is JSON.stringify(v), or "undefined".
func (rl *Realm) jsonStringify(v goja.Value) string {
	stringify, _ := goja.AssertFunction(rl.vm.Get("JSON").ToObject(rl.vm).Get("stringify"))
	out, err := stringify(goja.Undefined(), v)
	if err != nil || goja.IsUndefined(out) {
		return "undefined"
	}
	return out.String()
}

// inspector formats one value tree, tracking objects on the current path to
// print cycles as [Circular].
type inspector struct {
	rl   *Realm
	path []*goja.Object
}

func (in *inspector) value(v goja.Value, depth int) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	if sym, ok := v.(*goja.Symbol); ok {
		return "Symbol(" + sym.String() + ")"
	}
	switch x := safeExport(v).(type) {
	case string:
		if _, isObj := v.(*goja.Object); !isObj {
			return quote(x)
		}
	case bool, int64:
		if _, isObj := v.(*goja.Object); !isObj {
			return v.String()
		}
	case float64:
		if _, isObj := v.(*goja.Object); !isObj {
			return formatNumber(v, x)
		}
	}
	o, ok := v.(*goja.Object)
	if !ok {
		if v.ExportType() != nil && v.ExportType().String() == "*big.Int" {
			return v.String() + "n"
		}
		return v.String()
	}
	return in.object(o, depth)
}

// quote renders a string the way util.inspect does: single quotes unless
// the string contains one.
func quote(s string) string {
	if !strings.Contains(s, "'") {
		return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "\n", `\n`) + "'"
	}
	return strconv.Quote(s)
}

func (in *inspector) object(o *goja.Object, depth int) string {
	for _, seen := range in.path {
		if seen.SameAs(o) {
			return "[Circular *1]"
		}
	}
	in.path = append(in.path, o)
	defer func() { in.path = in.path[:len(in.path)-1] }()
	rl := in.rl
	if _, ok := goja.AssertFunction(o); ok {
		return in.function(o)
	}
	switch o.ClassName() {
	case "Error":
		return in.errorValue(o)
	case "Array":
		return in.array(o, depth)
	case "Date":
		return callString(rl, o, "toISOString")
	case "RegExp":
		return o.String()
	}
	if kind := in.collectionKind(o); kind != "" {
		return in.collection(o, kind, depth)
	}
	if text, ok := in.binary(o, depth); ok {
		return text
	}
	if h := stateOf[headers](rl, o); h != nil {
		return in.headerList(h)
	}
	if rl.vm.InstanceOf(o, rl.urlCtor) {
		return "URL { href: " + quote(o.Get("href").String()) + " }"
	}
	if rl.isURLSearchParams(o) {
		return "URLSearchParams { " + quote(o.String()) + " }"
	}
	if rl.slotValue(o) != nil {
		return in.native(o, depth)
	}
	return in.plain(o, depth, constructorName(o))
}

func (in *inspector) function(o *goja.Object) string {
	name := o.Get("name").String()
	src := o.String()
	if strings.HasPrefix(src, "class") {
		return "[class " + name + "]"
	}
	if name == "" {
		return "[Function (anonymous)]"
	}
	return "[Function: " + name + "]"
}

func (in *inspector) errorValue(o *goja.Object) string {
	if st := o.Get("stack"); st != nil && !goja.IsUndefined(st) && st.String() != "" {
		return jsruntime.CleanStack(st.String())
	}
	return o.String()
}

func (in *inspector) array(o *goja.Object, depth int) string {
	n := int(o.Get("length").ToInteger())
	if n == 0 {
		return "[]"
	}
	if depth > inspectDepth {
		return "[Array]"
	}
	items := make([]string, 0, n)
	for i := 0; i < n && i < 100; i++ {
		items = append(items, in.value(o.Get(strconv.Itoa(i)), depth+1))
	}
	if n > 100 {
		items = append(items, fmt.Sprintf("... %d more items", n-100))
	}
	return "[ " + strings.Join(items, ", ") + " ]"
}

// collectionKind is "Map" or "Set" for instances of those, else "".
func (in *inspector) collectionKind(o *goja.Object) string {
	for _, kind := range []string{"Map", "Set"} {
		if ctor, ok := in.rl.vm.Get(kind).(*goja.Object); ok && in.rl.vm.InstanceOf(o, ctor) {
			return kind
		}
	}
	return ""
}

func (in *inspector) collection(o *goja.Object, kind string, depth int) string {
	size := o.Get("size").ToInteger()
	if size == 0 {
		return fmt.Sprintf("%s(0) {}", kind)
	}
	if depth > inspectDepth {
		return "[" + kind + "]"
	}
	var items []string
	entries, _ := goja.AssertFunction(o.Get("entries"))
	it, err := entries(o)
	if err == nil {
		in.rl.vm.ForOf(it, func(e goja.Value) bool {
			pair := e.(*goja.Object)
			if kind == "Map" {
				items = append(items, in.value(pair.Get("0"), depth+1)+" => "+in.value(pair.Get("1"), depth+1))
			} else {
				items = append(items, in.value(pair.Get("0"), depth+1))
			}
			return true
		})
	}
	return fmt.Sprintf("%s(%d) { %s }", kind, size, strings.Join(items, ", "))
}

// headerList renders Headers like a Map of its sorted entries.
func (in *inspector) headerList(h *headers) string {
	pairs := h.sorted()
	if len(pairs) == 0 {
		return "Headers(0) {}"
	}
	items := make([]string, len(pairs))
	for i, kv := range pairs {
		items[i] = quote(kv[0]) + " => " + quote(kv[1])
	}
	return fmt.Sprintf("Headers(%d) { %s }", len(pairs), strings.Join(items, ", "))
}

// inspectSkipped are getters the inspector leaves alone because reading
// them changes the object (body turns bytes into a stream).
var inspectSkipped = map[string]bool{"body": true, "signal": true}

// native renders an instance of a binding class by its prototype getters:
// `Response { status: 200, ... }`.
func (in *inspector) native(o *goja.Object, depth int) string {
	name := constructorName(o)
	if depth > inspectDepth {
		return "[" + name + "]"
	}
	var fields []string
	seen := map[string]bool{}
	for p := o.Prototype(); p != nil && !p.SameAs(in.rl.objectPrototype()); p = p.Prototype() {
		for _, key := range p.GetOwnPropertyNames() {
			if seen[key] || key == "constructor" || inspectSkipped[key] {
				continue
			}
			seen[key] = true
			desc := in.rl.getOwnPropertyDescriptor(p, key)
			if desc == nil || goja.IsUndefined(desc.Get("get")) {
				continue
			}
			var v goja.Value
			if in.rl.vm.Try(func() { v = o.Get(key) }) != nil {
				continue // a getter that throws (unsupported.go) shows nothing
			}
			if _, isFn := goja.AssertFunction(v); isFn {
				continue
			}
			fields = append(fields, key+": "+in.value(v, depth+1))
		}
	}
	fields = append(fields, in.ownFields(o, depth)...)
	if len(fields) == 0 {
		return name + " {}"
	}
	return name + " { " + strings.Join(fields, ", ") + " }"
}

func (in *inspector) plain(o *goja.Object, depth int, name string) string {
	fields := in.ownFields(o, depth)
	prefix := ""
	if name != "" && name != "Object" {
		prefix = name + " "
	}
	if len(fields) == 0 {
		return prefix + "{}"
	}
	if depth > inspectDepth {
		return "[" + strings.TrimSpace(prefix+"Object") + "]"
	}
	return prefix + "{ " + strings.Join(fields, ", ") + " }"
}

func (in *inspector) ownFields(o *goja.Object, depth int) []string {
	keys := o.Keys()
	fields := make([]string, 0, len(keys))
	for _, k := range keys {
		fields = append(fields, propertyKey(k)+": "+in.value(o.Get(k), depth+1))
	}
	return fields
}

// propertyKey quotes keys that are not identifiers.
func propertyKey(k string) string {
	for i, r := range k {
		if !(r == '_' || r == '$' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (i > 0 && r >= '0' && r <= '9')) {
			return quote(k)
		}
	}
	if k == "" {
		return "''"
	}
	return k
}

// constructorName is o.constructor.name, or "".
func constructorName(o *goja.Object) string {
	c, ok := o.Get("constructor").(*goja.Object)
	if !ok {
		return ""
	}
	return c.Get("name").String()
}

func callString(rl *Realm, o *goja.Object, method string) string {
	fn, ok := goja.AssertFunction(o.Get(method))
	if !ok {
		return o.String()
	}
	v, err := fn(o)
	if err != nil {
		return o.String()
	}
	return v.String()
}

// objectPrototype is Object.prototype.
func (rl *Realm) objectPrototype() *goja.Object {
	return rl.vm.Get("Object").ToObject(rl.vm).Get("prototype").ToObject(rl.vm)
}

// getOwnPropertyDescriptor is Object.getOwnPropertyDescriptor(o, key).
func (rl *Realm) getOwnPropertyDescriptor(o *goja.Object, key string) *goja.Object {
	obj := rl.vm.Get("Object").ToObject(rl.vm)
	fn, _ := goja.AssertFunction(obj.Get("getOwnPropertyDescriptor"))
	d, err := fn(obj, o, rl.vm.ToValue(key))
	if err != nil {
		return nil
	}
	desc, _ := d.(*goja.Object)
	return desc
}
