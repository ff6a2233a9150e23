package reader

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/errtable/errtable/spec"
)

const (
	whySentence = "the description is a sentence"
	whyNotLatin = "the description is not in Latin script"
)

// titleTests are description cells as docs in several dialects and
// languages write them, with the title, moved text and reason expected.
var titleTests = []struct {
	desc, title, moved, why string
	name                    string // spec.NameFor(title) when title is not ""
}{
	// Plain names.
	{desc: "Bad Request", title: "Bad Request", name: "BadRequest"},
	{desc: "Invalid API key", title: "Invalid API key", name: "InvalidAPIKey"},
	{desc: "  Too   Many\tRequests ", title: "Too Many Requests", name: "TooManyRequests"},
	{desc: "Not found.", title: "Not found", name: "NotFound"},
	{desc: "Request failed.", title: "Request failed", name: "RequestFailed"},
	{desc: "Key is invalid", title: "Key is invalid", name: "KeyIsInvalid"},
	{desc: "Error: Not Found", title: "Error: Not Found", name: "ErrorNotFound"},
	{desc: "429 - Too Many Requests", title: "Too Many Requests", name: "TooManyRequests"},
	{desc: "Don't retry", title: "Don't retry", name: "DontRetry"},
	// kramdown, Pandoc, MkDocs and footnote markup.
	{desc: "Bad Request {: external}", title: "Bad Request", name: "BadRequest"},
	{desc: "Forbidden {: #forbidden .anchor}", title: "Forbidden", name: "Forbidden"},
	{desc: `Gone{:target="_blank"}`, title: "Gone", name: "Gone"},
	{desc: "Not Found {#not-found}", title: "Not Found", name: "NotFound"},
	{desc: "Too Many Requests[^1]", title: "Too Many Requests", name: "TooManyRequests"},
	{desc: "Conflict [^note]", title: "Conflict", name: "Conflict"},
	// Emoji and markers.
	{desc: "Rate limited ⚠️", title: "Rate limited", name: "RateLimited"},
	{desc: "🚫 Forbidden", title: "Forbidden", name: "Forbidden"},
	{desc: "Quota exceeded 👩‍💻🏽", title: "Quota exceeded", name: "QuotaExceeded"},
	{desc: "Not Found ←", title: "Not Found", name: "NotFound"},
	{desc: "Moved → ", title: "Moved", name: "Moved"},
	{desc: "Unauthorized*", title: "Unauthorized", name: "Unauthorized"},
	{desc: "Locked †", title: "Locked", name: "Locked"},
	{desc: "Payment Required‡¹", title: "Payment Required", name: "PaymentRequired"},
	// Notes and pointers go to the remedy.
	{desc: "Payment Required (not yet active)", title: "Payment Required", moved: "not yet active", name: "PaymentRequired"},
	{desc: "Gone (deprecated)", title: "Gone", moved: "deprecated", name: "Gone"},
	{desc: "Conflict, see Common Errors", title: "Conflict", moved: "see Common Errors", name: "Conflict"},
	{desc: "Gone - see the FAQ", title: "Gone", moved: "see the FAQ", name: "Gone"},
	{desc: "Not Found (see below)", title: "Not Found", moved: "see below", name: "NotFound"},
	{desc: "Not Found. See below.", title: "Not Found", moved: "See below", name: "NotFound"},
	{desc: "Payment Required (beta) (not yet active)", title: "Payment Required", moved: "beta; not yet active", name: "PaymentRequired"},
	{desc: "Upgrade Required [deprecated], see Upgrading", title: "Upgrade Required", moved: "deprecated; see Upgrading", name: "UpgradeRequired"},
	{desc: "Request Entity Too Large (413)", title: "Request Entity Too Large", name: "RequestEntityTooLarge"},
	{desc: "Time To Live Exceeded (TTL)", title: "Time To Live Exceeded", name: "TimeToLiveExceeded"},
	{desc: "Teapot * (joke)", title: "Teapot", moved: "joke", name: "Teapot"},
	{desc: "(reserved)", title: "(reserved)", name: "Reserved"},
	// Sentences.
	{desc: "The request was malformed or missing a required parameter.", why: whySentence},
	{desc: "Key is invalid.", why: whySentence},
	{desc: "The request is invalid", why: whySentence},
	{desc: "You have exceeded your quota, see Limits.", moved: "see Limits", why: whySentence},
	{desc: "Invalid request: the parameter is missing.", why: whySentence},
	{desc: "This error occurs when the server is overloaded and cannot respond", why: whySentence},
	// Other Latin-script languages, transliterated.
	{desc: "Requête invalide", title: "Requete invalide", name: "RequeteInvalide"},
	{desc: "Solicitud incorrecta", title: "Solicitud incorrecta", name: "SolicitudIncorrecta"},
	{desc: "Nicht gefunden", title: "Nicht gefunden", name: "NichtGefunden"},
	{desc: "Überschreitung des Limits", title: "Uberschreitung des Limits", name: "UberschreitungDesLimits"},
	{desc: "Zugriff verweigert (veraltet)", title: "Zugriff verweigert", moved: "veraltet", name: "ZugriffVerweigert"},
	{desc: "Größe überschritten", title: "Grosse uberschritten", name: "GrosseUberschritten"},
	{desc: "Requisição inválida", title: "Requisicao invalida", name: "RequisicaoInvalida"},
	{desc: "Não autorizado", title: "Nao autorizado", name: "NaoAutorizado"},
	{desc: "Richiesta non valida", title: "Richiesta non valida", name: "RichiestaNonValida"},
	{desc: "Accesso negato, vedi Errori comuni", title: "Accesso negato", moved: "vedi Errori comuni", name: "AccessoNegato"},
	{desc: "Demasiadas solicitudes", title: "Demasiadas solicitudes", name: "DemasiadasSolicitudes"},
	{desc: "Błąd serwera", title: "Blad serwera", name: "BladSerwera"},
	{desc: "Łódź Øre æble", title: "Lodz Ore aeble", name: "LodzOreAeble"},
	{desc: "Ｎｏｔ Ｆｏｕｎｄ", title: "Not Found", name: "NotFound"},
	{desc: "La solicitud es incorrecta.", why: whySentence},
	{desc: "Die Anfrage ist ungültig.", why: whySentence},
	{desc: "La requête est invalide.", why: whySentence},
	// Other scripts.
	{desc: "请求参数错误", why: whyNotLatin},
	{desc: "参数错误（已弃用）", moved: "已弃用", why: whyNotLatin},
	{desc: "リクエストが不正です", why: whyNotLatin},
	{desc: "잘못된 요청", why: whyNotLatin},
	{desc: "Неверный запрос", why: whyNotLatin},
	{desc: "Bad Request (错误请求)", title: "Bad Request", moved: "错误请求", name: "BadRequest"},
	{desc: "HTTP 请求错误", why: whyNotLatin},
	// No name at all.
	{desc: "", why: "the description has no letters"},
	{desc: "⚠️ {: .warn}", why: "the description has no letters"},
	{desc: "404", why: "the description has no letters"},
	{desc: "Error", why: "the name Error is declared by the generated package"},
	{desc: "2FA required", why: "the description starts with a number"},
}

func TestSplitTitle(t *testing.T) {
	for _, tt := range titleTests {
		title, moved, why := splitTitle(tt.desc)
		if title != tt.title || moved != tt.moved || why != tt.why {
			t.Errorf("splitTitle(%q) = %q, %q, %q; want %q, %q, %q", tt.desc, title, moved, why, tt.title, tt.moved, tt.why)
			continue
		}
		if title == "" {
			continue
		}
		if name, ok := spec.NameFor(title); !ok || name != tt.name {
			t.Errorf("NameFor(%q) = %q, %v; want %q", title, name, ok, tt.name)
		}
	}
}

func TestCleanMarkup(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Bad Request {: external}", "Bad Request"},
		{"Use {: #id .class} the key", "Use the key"},
		{`See the docs{:target="_blank"}.`, "See the docs."},
		{"Too Many Requests[^1] and more[^note]", "Too Many Requests and more"},
		{"Rate limited ⚠️", "Rate limited"},
		{"👨‍👩‍👧 Family 1️⃣", "Family 1"},
		{"Not Found ←", "Not Found"},
		{"Redirect A → B", "Redirect A → B"},
		{"Unauthorized* ", "Unauthorized"},
		{"Locked † {: x}", "Locked"},
		{"Payment Required (not yet active)", "Payment Required (not yet active)"},
		{"a\u200bb\tc\n d", "ab c d"},
		{"5 * 3 = 15", "5 * 3 = 15"},
		{"Use {id} here", "Use {id} here"},
		{"Gone {: {: nested}}", "Gone"},
		{"Gone {\U0001F642#id}", "Gone"},
		// Deeper than maxMarkupDepth: the braces go, what they held stays.
		{"a {: {: {: {: {: deep}}}}} {b}", "a : b"},
	} {
		got := cleanMarkup(tt.in)
		if got != tt.want {
			t.Errorf("cleanMarkup(%q) = %q; want %q", tt.in, got, tt.want)
		}
		if again := cleanMarkup(got); again != got {
			t.Errorf("cleanMarkup is not idempotent on %q: %q then %q", tt.in, got, again)
		}
	}
}

func TestDescriptionText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Conflict, see Common Errors", "Conflict"},
		{"Not Found (see below)", "Not Found"},
		{"Payment Required (not yet active)", "Payment Required (not yet active)"},
		{"Gone (deprecated) - see the FAQ", "Gone (deprecated)"},
		{"Bad Request {: external}", "Bad Request"},
		{"(see below)", "(see below)"},
	} {
		if got := descriptionText(tt.in); got != tt.want {
			t.Errorf("descriptionText(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestTransliterate(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Requête", "Requete"}, {"Überschreitung", "Uberschreitung"}, {"Straße", "Strasse"},
		{"Łukasz", "Lukasz"}, {"Øre", "Ore"}, {"æble", "aeble"}, {"Œuvre", "OEuvre"},
		{"Þing", "Thing"}, {"ıi", "ii"}, {"Đakovo", "Dakovo"}, {"ﬁle", "file"}, {"a–b", "a–b"},
	} {
		got, ok := transliterate(tt.in)
		if !ok || got != tt.want {
			t.Errorf("transliterate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	if got, ok := transliterate("ɐ"); ok {
		t.Errorf("transliterate(ɐ) = %q; want no ASCII form", got)
	}
}

// TestSplitTitleLong reads hostile cells of tens of kilobytes: each note
// cut and each level of nested attribute lists reads the text again, so
// without maxNotes and maxMarkupDepth these took seconds.
func TestSplitTitleLong(t *testing.T) {
	for _, in := range []string{
		strings.Repeat("(a) ", 5000),
		"Foo" + strings.Repeat(" (x)", 5000),
		strings.Repeat("a, see b (c)", 2000),
		strings.Repeat("* {:x} [^1]", 2000),
		strings.Repeat("a", 20000) + strings.Repeat(", see x", 2000),
		"a" + strings.Repeat("{:", 5000) + strings.Repeat("}*", 5000),
		strings.Repeat("{#a", 5000) + strings.Repeat("}", 5000),
	} {
		title, _, why := splitTitle(in)
		if title != "" || why == "" {
			t.Errorf("splitTitle(%.20q...) = title %q, why %q; want no title", in, title, why)
		}
		descriptionText(in)
		parseCodeCell(in)
	}
	if title, moved, _ := splitTitle("Foo (a) (b) (c) (d) (e) (f) (g) (h) (i)"); title != "" || moved != "b; c; d; e; f; g; h; i" {
		t.Errorf("nine notes: title %q, moved %q; want no title and the last eight moved", title, moved)
	}
}

// FuzzSplitTitle checks splitTitle's contract, and that cleanMarkup is
// idempotent, on any text.
func FuzzSplitTitle(f *testing.F) {
	for _, tt := range titleTests {
		f.Add(tt.desc)
	}
	f.Fuzz(func(t *testing.T, desc string) {
		if c := cleanMarkup(desc); cleanMarkup(c) != c {
			t.Fatalf("cleanMarkup(%q) = %q, and cleaning that gives %q", desc, c, cleanMarkup(c))
		}
		title, moved, why := splitTitle(desc)
		if (title == "") == (why == "") {
			t.Fatalf("splitTitle(%q) = %q, %q, %q: want exactly one of title and why", desc, title, moved, why)
		}
		if why != "" && !strings.HasPrefix(why, "the ") {
			t.Errorf("why %q does not start in lower case with \"the \"", why)
		}
		// Transliteration never lengthens the text, and moved text is cut
		// from the input less its brackets or separators, which are at
		// least as long as the "; " between notes.
		if len(title) > len(desc) || len(moved) > len(desc) {
			t.Fatalf("splitTitle(%q) = %q, %q: longer than the input", desc, title, moved)
		}
		if title == "" {
			return
		}
		if _, ok := spec.NameFor(title); !ok {
			t.Fatalf("splitTitle(%q) gives title %q, which NameFor refuses", desc, title)
		}
		if !utf8.ValidString(title) || strings.ContainsFunc(title, emojiRune) || cleanMarkup(title) != title ||
			kramdownAttrRE.MatchString(title) || footnoteRE.MatchString(title) {
			t.Fatalf("splitTitle(%q) gives title %q, which holds markup or emoji", desc, title)
		}
		if strings.ContainsFunc(title, func(r rune) bool { return r >= utf8.RuneSelf && isLetterRune(r) }) {
			t.Fatalf("splitTitle(%q) gives title %q, which holds letters outside ASCII", desc, title)
		}
		if again, moved, why := splitTitle(title); again != title || moved != "" || why != "" {
			t.Fatalf("splitTitle(%q) = %q, but splitTitle(%q) = %q, %q, %q", desc, title, title, again, moved, why)
		}
	})
}

func isLetterRune(r rune) bool { return unicode.IsLetter(r) }
