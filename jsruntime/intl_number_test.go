package jsruntime_test

import "testing"

// TestIntlNumberFormat checks Intl.NumberFormat gives workerd's answers
// (the conformance case intl_number checks many more against workerd).
func TestIntlNumberFormat(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, js, want string }{
		{"decimal de", `new Intl.NumberFormat("de").format(-1234567.891)`, "-1.234.567,891"},
		{"lakh grouping", `new Intl.NumberFormat("en-IN").format(1234567.891)`, "12,34,567.891"},
		{"currency", `new Intl.NumberFormat("en", { style: "currency", currency: "EUR" }).format(1234.5)`, "€1,234.50"},
		{"accounting", `new Intl.NumberFormat("en", { style: "currency", currency: "EUR", currencySign: "accounting" }).format(-1234.5)`, "(€1,234.50)"},
		{"currency spacing", `new Intl.NumberFormat("en", { style: "currency", currency: "CHF" }).format(-1)`, "-CHF\u00a01.00"},
		{"percent fr", `new Intl.NumberFormat("fr", { style: "percent" }).format(0.256)`, "26\u00a0%"},
		{"arabic digits", `new Intl.NumberFormat("ar-EG").format(1234.5)`, "١٬٢٣٤٫٥"},
		{"compact", `new Intl.NumberFormat("en", { notation: "compact" }).format(999999.5)`, "1M"},
		{"scientific", `new Intl.NumberFormat("en", { notation: "scientific" }).format(-0.000123456)`, "-1.235E-4"},
		{"halfEven", `new Intl.NumberFormat("en", { roundingMode: "halfEven", maximumFractionDigits: 0 }).format(2.5)`, "2"},
		{"exact string", `new Intl.NumberFormat("en", { maximumFractionDigits: 20 }).format("0.10000000000000000001")`, "0.10000000000000000001"},
		{"bigint", `(12345678901234567890n).toLocaleString("de")`, "12.345.678.901.234.567.890"},
		{"toLocaleString", `(1234.5).toLocaleString("en-US")`, "1,234.5"},
		{"range", `new Intl.NumberFormat("de", { style: "currency", currency: "EUR" }).formatRange(3, 5)`, "3,00–5,00\u00a0€"},
		{"approximately", `new Intl.NumberFormat("en").formatRange(3, 3)`, "~3"},
		{"parts", `new Intl.NumberFormat("en").formatToParts(-1234.5).map(function (p) { return p.type; }).join()`, "minusSign,integer,group,integer,decimal,fraction"},
		{"no currency", `(function () { try { new Intl.NumberFormat("en", { style: "currency" }); } catch (e) { return e.name + ": " + e.message; } })()`, "TypeError: Currency code is required with currency style."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			vm, _ := run(t, "var result = String("+tc.js+");")
			if got := vm.Get("result").String(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
