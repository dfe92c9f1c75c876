package bindings

import "github.com/dop251/goja"

// instanceProperties defines what workerd makes instance properties of its
// events (data of a MessageEvent, code of a CloseEvent, request of a
// FetchEvent): own, enumerable, read-only data properties of each object,
// in the order given, so Object.keys, spreading and JSON.stringify see
// them as on workerd. names and values pair up.
func (rl *Realm) instanceProperties(o *goja.Object, names []string, values ...goja.Value) *goja.Object {
	for i, name := range names {
		if err := o.DefineDataProperty(name, values[i], goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
			panic(err)
		}
	}
	return o
}

// The instance properties of each event, in workerd's order.
var (
	messageEventProperties   = []string{"ports", "source", "lastEventId", "origin", "data"}
	closeEventProperties     = []string{"wasClean", "reason", "code"}
	fetchEventProperties     = []string{"request", "actorState"}
	rejectionEventProperties = []string{"reason", "promise"}
)
