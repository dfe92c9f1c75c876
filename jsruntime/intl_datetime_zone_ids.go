package jsruntime

import "strings"

// icuZoneIDs maps IANA zone names to the ones ICU (and so workerd's
// resolvedOptions) calls canonical: CLDR keeps the older names of renamed
// zones ("Asia/Calcutta") and resolves links to their zone. The links
// listed are the common ones; others keep the name given.
var icuZoneIDs = map[string]string{
	"Asia/Kolkata": "Asia/Calcutta", "Asia/Kathmandu": "Asia/Katmandu", "Asia/Ho_Chi_Minh": "Asia/Saigon",
	"Europe/Kyiv": "Europe/Kiev", "America/Argentina/Buenos_Aires": "America/Buenos_Aires", "Asia/Yangon": "Asia/Rangoon",
	"Atlantic/Faroe": "Atlantic/Faeroe", "America/Nuuk": "America/Godthab", "Pacific/Chuuk": "Pacific/Truk",
	"Pacific/Pohnpei": "Pacific/Ponape", "America/Indiana/Indianapolis": "America/Indianapolis",
	"America/Kentucky/Louisville": "America/Louisville", "Asia/Dacca": "Asia/Dhaka", "Pacific/Kanton": "Pacific/Enderbury",
	"America/Atikokan": "America/Coral_Harbour", "Africa/Asmara": "Africa/Asmera", "Europe/Uzhgorod": "Europe/Kiev",
	"Europe/Zaporozhye": "Europe/Kiev", "Asia/Macao": "Asia/Macau", "Asia/Ulan_Bator": "Asia/Ulaanbaatar",
	"US/Eastern": "America/New_York", "US/Central": "America/Chicago", "US/Mountain": "America/Denver",
	"US/Pacific": "America/Los_Angeles", "US/Alaska": "America/Anchorage", "US/Hawaii": "Pacific/Honolulu",
	"US/Arizona": "America/Phoenix", "Canada/Eastern": "America/Toronto", "Canada/Pacific": "America/Vancouver",
	"America/Montreal": "America/Toronto", "Mexico/General": "America/Mexico_City", "Brazil/East": "America/Sao_Paulo",
	"Japan": "Asia/Tokyo", "PRC": "Asia/Shanghai", "Asia/Chongqing": "Asia/Shanghai", "ROK": "Asia/Seoul",
	"ROC": "Asia/Taipei", "Singapore": "Asia/Singapore", "Hongkong": "Asia/Hong_Kong", "Egypt": "Africa/Cairo",
	"Israel": "Asia/Jerusalem", "Asia/Tel_Aviv": "Asia/Jerusalem", "Turkey": "Europe/Istanbul",
	"Asia/Istanbul": "Europe/Istanbul", "GB": "Europe/London", "Europe/Belfast": "Europe/London",
	"Eire": "Europe/Dublin", "Portugal": "Europe/Lisbon", "Poland": "Europe/Warsaw", "W-SU": "Europe/Moscow",
	"Iceland": "Atlantic/Reykjavik", "NZ": "Pacific/Auckland", "Antarctica/South_Pole": "Antarctica/McMurdo",
	"Australia/ACT": "Australia/Sydney", "Australia/NSW": "Australia/Sydney", "Australia/Canberra": "Australia/Sydney",
	"EST": "America/Panama", "MST": "America/Phoenix", "HST": "Pacific/Honolulu",
}

// ianaZoneIDs maps ICU's names back to the IANA ones the dumped zone
// names are kept under.
var ianaZoneIDs = func() map[string]string {
	m := map[string]string{}
	for iana, icu := range icuZoneIDs {
		if _, taken := m[icu]; !taken && !strings.Contains(iana, "/") == strings.Contains(icu, "/") {
			m[icu] = iana
		}
	}
	m["Asia/Calcutta"], m["Europe/Kiev"] = "Asia/Kolkata", "Europe/Kyiv"
	return m
}()

// zoneNames are a locale's dumped names of a zone.
func zoneNames(loc *dateTimeLocale, zoneID string) map[string][]string {
	if n, ok := loc.Zones[zoneID]; ok {
		return n
	}
	return loc.Zones[ianaZoneIDs[zoneID]]
}
