package jsruntime

import "testing"

func TestQuoteKeywordFields(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, in, want string }{
		{"initialised field keeps columns",
			"class C {\n  set = (k, v) => {\n    return k;\n  };\n}",
			"class C {\n  \"set\"=(k, v) => {\n    return k;\n  };\n}"},
		{"bare field", "var C = class extends B {\n  get;\n  x = 1;\n}", "var C = class extends B {\n  \"get\";\n  x = 1;\n}"},
		{"static field", "export class C {\n  static async = 2;\n}", "export class C {\n  static \"async\"=2;\n}"},
		{"field after a method body",
			"class C {\n  m() {\n    return 1;\n  }\n  get = 3;\n}",
			"class C {\n  m() {\n    return 1;\n  }\n  \"get\"=3;\n}"},
		{"assignment in a function body", "function f() {\n  set = 1;\n  get;\n}", ""},
		{"assignment in a method body", "class C {\n  m() {\n    set = 1;\n  }\n}", ""},
		{"accessor", "class C {\n  get x() {\n    return 1;\n  }\n}", ""},
		{"top level", "set = 1;\nget;", ""},
		{"object literal", "const o = {\n  get: 1,\n  set() {\n  }\n};", ""},
		{"private field is left for the fallback", "class C {\n  #set = 1;\n}", ""},
	}
	for _, c := range cases {
		want := c.want
		if want == "" {
			want = c.in
		}
		if got := quoteKeywordFields(c.in); got != want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, want)
		}
	}
}
