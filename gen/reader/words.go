package reader

// role is the part a column plays in an error table.
type role int

const (
	roleNone    role = iota
	roleCode         // the HTTP status
	roleName         // the short name of the error: the description
	roleRemedy       // what to do
	roleExplain      // why it happens, examples, notes: joined to the remedy, labelled
	roleRetry        // whether to retry
	roleOther        // says something else (content type, method, category): never a remedy
	// roleKey heads the column of string error codes, the key of a
	// string-keyed table ("Error Code", "Error Type", "reason"): only
	// consulted for a column whose cells already read as identifiers.
	roleKey
)

// headerWords lists, for each role and language, the header texts that
// name a column of that role, most preferred first. Headers are compared in
// lower case, after markup is stripped, white space collapsed and a
// trailing ":" or "?" (or their full-width forms) dropped. A text may name
// several roles ("description" is a name beside a remedy column and a
// remedy beside a name column); content decides between them. Add a
// language by adding its rows.
var headerWords = []struct {
	lang  string // BCP 47
	role  role
	words []string
}{
	{"en", roleCode, []string{
		"error code", "code", "status code", "http status code", "status", "http status",
		"http code", "response code", "http response code", "status codes", "http status codes", "codes",
		"http", "api code", "http error code", "error status",
	}},
	// "Description" comes last for the name: a table with Name and
	// Description columns names its codes in the first and explains them in
	// the second.
	{"en", roleName, []string{
		"meaning", "message", "name", "error message", "reason phrase", "status text", "title",
		"error name", "error", "summary", "overview", "short description", "description",
	}},
	{"en", roleRemedy, []string{
		"solution", "remedy", "action", "actions", "action(s)", "resolution", "what to do", "recommendation",
		"recommended action", "guidance", "follow up", "follow-up", "how to fix", "how to resolve",
		"how to handle", "next steps", "fix", "explanation", "description",
	}},
	{"en", roleExplain, []string{
		"reason", "cause", "causes", "possible cause", "possible causes", "common cause", "common causes",
		"details", "detail", "notes", "note", "example", "examples", "troubleshooting", "comments", "comment",
		"when", "when it happens", "why",
	}},
	{"en", roleKey, []string{
		"error code", "code", "error code name", "code name", "error type", "type", "error id", "error key", "error name", "error identifier",
		"reason", "error reason", "error", "error string", "code string", "string code", "slug",
	}},
	{"en", roleRetry, []string{"retryable", "retriable", "retry", "should retry", "can retry", "safe to retry", "retry it"}},
	{"en", roleOther, []string{
		"content type", "content-type", "type", "method", "methods", "typical use", "category", "group",
		"class", "endpoint", "endpoints", "scope", "since", "version", "schema", "model", "format",
		"limit", "limits", "timeout", "count", "value", "default", "maximum", "minimum", "window", "size",
		"rate", "quota", "id", "field", "parameter", "operation", "path", "in", "required",
	}},
	// Other languages. A word that several languages share is listed once,
	// under the first of them, because a role looks words up whatever the
	// language; a comment names the others. English words are not repeated
	// (French "description", "message", "action", "solution", "cause",
	// "type"; German and Dutch "details"; Italian "note"; Indonesian
	// "detail" ...). As in English, each language's description word comes
	// last for the name and is also its remedy of last resort.
	{"de", roleCode, []string{
		"fehlercode", "statuscode", "http-statuscode", "http statuscode", "http-status", "http-code",
		"fehlernummer", "antwortcode", // "statuscode", "http-statuscode" also nl
	}},
	{"de", roleKey, []string{"fehlercode", "fehlertyp", "fehlerschlüssel", "typ", "grund"}},
	{"de", roleName, []string{"bedeutung", "fehlermeldung", "meldung", "nachricht", "fehlername", "name der fehlermeldung", "beschreibung"}},
	{"de", roleRemedy, []string{
		"lösung", "maßnahme", "massnahme", "maßnahmen", "abhilfe", "lösungsvorschlag", "behebung", "was tun",
		"empfehlung", "beschreibung",
	}},
	{"de", roleExplain, []string{"ursache", "mögliche ursache", "grund", "hinweis", "hinweise", "anmerkung", "anmerkungen", "bemerkung", "beispiel"}},
	{"de", roleRetry, []string{"wiederholen", "wiederholbar", "erneut versuchen", "wiederholung"}},
	{"de", roleOther, []string{"typ", "methode", "kategorie", "art", "endpunkt"}}, // "typ" also pl; "methode" also nl

	{"fr", roleCode, []string{"code d'erreur", "code d’erreur", "code http", "code de statut", "code d'état", "code de retour", "statut", "statut http"}},
	{"fr", roleKey, []string{"code d'erreur", "code d’erreur", "type d'erreur", "raison"}}, // "code", "type" also en
	{"fr", roleName, []string{"signification", "message d'erreur", "nom", "libellé", "intitulé"}},
	{"fr", roleRemedy, []string{"résolution", "que faire", "action recommandée", "correctif", "recommandation"}},
	{"fr", roleExplain, []string{"raison", "détails", "détail", "remarque", "remarques", "causes possibles", "cause possible", "exemple"}},
	{"fr", roleRetry, []string{"réessayer", "nouvel essai", "relancer"}},
	{"fr", roleOther, []string{"méthode", "catégorie"}},

	{"es", roleCode, []string{
		"código", "código de error", "código http", "código de estado", "código de estado http", "código de respuesta", "estado",
		// "código", "código http" also pt
	}},
	{"es", roleKey, []string{"código de error", "código", "tipo de error", "tipo", "motivo"}},
	{"es", roleName, []string{"significado", "mensaje", "mensaje de error", "nombre", "descripción"}}, // "significado" also pt
	{"es", roleRemedy, []string{"solución", "acción", "resolución", "qué hacer", "recomendación", "descripción"}},
	{"es", roleExplain, []string{"causa", "motivo", "detalles", "notas", "nota", "causas", "posible causa", "ejemplo"}}, // "causa", "motivo" also pt, it; "notas" also pt
	{"es", roleRetry, []string{"reintentar", "reintentable", "¿reintentar", "volver a intentar"}},
	{"es", roleOther, []string{"tipo", "método", "categoría"}}, // "tipo" also pt, it; "método" also pt

	{"pt", roleCode, []string{"código de erro", "código de status", "código de status http", "código de resposta", "status http"}},
	{"pt", roleKey, []string{"código de erro", "tipo de erro"}}, // "tipo" also es
	{"pt", roleName, []string{"mensagem", "mensagem de erro", "nome", "descrição"}},
	{"pt", roleRemedy, []string{"solução", "ação", "resolução", "o que fazer", "recomendação", "descrição"}},
	{"pt", roleExplain, []string{"detalhes", "observações", "observação", "exemplo"}}, // "causas" also es
	{"pt", roleRetry, []string{"tentar novamente", "repetir", "nova tentativa"}},
	{"pt", roleOther, []string{"categoria"}}, // also it

	{"it", roleCode, []string{"codice", "codice di errore", "codice errore", "codice http", "codice di stato", "codice di risposta", "stato"}},
	{"it", roleKey, []string{"codice di errore", "codice errore", "codice", "tipo di errore"}}, // "tipo" also es
	{"it", roleName, []string{"significato", "messaggio", "messaggio di errore", "nome errore", "descrizione"}},
	{"it", roleRemedy, []string{"soluzione", "azione", "rimedio", "cosa fare", "risoluzione", "descrizione"}},
	{"it", roleExplain, []string{"dettagli", "dettaglio", "causa possibile", "esempio"}},
	{"it", roleRetry, []string{"riprova", "riprovare", "ripetibile"}},
	{"it", roleOther, []string{"metodo"}},

	// Chinese, simplified then traditional. Headers are compared after
	// lower-casing, so "HTTP状态码" is written "http状态码".
	{"zh", roleCode, []string{
		"错误码", "错误代码", "http状态码", "http 状态码", "状态码", "返回码", "响应码", "代码", "编码", "http 响应码",
	}},
	{"zh", roleKey, []string{"错误码", "错误代码", "错误类型", "代码", "类型"}},
	{"zh", roleName, []string{"错误信息", "错误描述", "含义", "错误消息", "信息", "消息", "名称", "说明", "描述"}},
	{"zh", roleRemedy, []string{"解决方案", "处理措施", "解决方法", "处理建议", "建议", "处理方式", "解决办法", "说明", "描述"}},
	{"zh", roleExplain, []string{"原因", "可能原因", "详情", "备注", "详细说明", "示例"}}, // "原因" also ja
	{"zh", roleRetry, []string{"是否重试", "可重试", "重试", "是否可重试"}},
	{"zh", roleOther, []string{"类型", "方法", "请求方法", "分类"}},

	{"zh-Hant", roleCode, []string{"錯誤碼", "錯誤代碼", "http狀態碼", "狀態碼", "回應碼", "代碼"}},
	{"zh-Hant", roleKey, []string{"錯誤碼", "錯誤代碼", "錯誤類型", "代碼", "類型"}},
	{"zh-Hant", roleName, []string{"錯誤訊息", "含義", "訊息", "名稱", "說明"}}, // "描述" also zh
	{"zh-Hant", roleRemedy, []string{"解決方案", "處理方式", "解決方法", "處理建議", "建議", "說明"}},
	{"zh-Hant", roleExplain, []string{"詳情", "備註"}}, // "原因", "可能原因" also zh
	{"zh-Hant", roleRetry, []string{"是否重試", "可重試", "重試"}},
	{"zh-Hant", roleOther, []string{"類型", "分類"}},

	{"ja", roleCode, []string{"httpステータスコード", "http ステータスコード", "エラーコード", "ステータスコード", "ステータス", "コード", "応答コード"}},
	{"ja", roleKey, []string{"エラーコード", "エラータイプ", "エラー種別", "コード", "タイプ"}},
	{"ja", roleName, []string{"メッセージ", "エラー名", "意味", "エラーメッセージ", "名前", "内容", "説明"}},
	{"ja", roleRemedy, []string{"対処方法", "対処法", "解決策", "対応", "対応方法", "対処", "説明"}}, // "解決方法" also zh-Hant
	{"ja", roleExplain, []string{"詳細", "備考", "考えられる原因", "補足", "例"}},
	{"ja", roleRetry, []string{"再試行", "リトライ", "リトライ可否", "再試行可否"}},
	{"ja", roleOther, []string{"タイプ", "メソッド", "種類", "種別"}}, // "分類" also zh-Hant

	{"ko", roleCode, []string{"오류 코드", "상태 코드", "http 상태 코드", "에러 코드", "코드", "응답 코드"}},
	{"ko", roleKey, []string{"오류 코드", "에러 코드", "오류 유형", "코드", "유형"}},
	{"ko", roleName, []string{"메시지", "의미", "오류 메시지", "에러 메시지", "이름", "설명"}},
	{"ko", roleRemedy, []string{"해결 방법", "조치", "대처 방법", "해결 방안", "조치 방법", "설명"}},
	{"ko", roleExplain, []string{"원인", "세부 정보", "비고", "상세", "참고"}},
	{"ko", roleRetry, []string{"재시도", "재시도 가능"}},
	{"ko", roleOther, []string{"유형", "메서드", "종류"}},

	{"nl", roleCode, []string{"foutcode", "foutnummer"}}, // "statuscode", "http-statuscode", "http-code" also de
	{"nl", roleKey, []string{"foutcode", "fouttype"}},    // "type" also en
	{"nl", roleName, []string{"betekenis", "foutmelding", "melding", "bericht", "naam", "beschrijving"}},
	{"nl", roleRemedy, []string{"oplossing", "actie", "wat te doen", "beschrijving"}},
	{"nl", roleExplain, []string{"oorzaak", "reden", "opmerking", "opmerkingen", "toelichting"}},
	{"nl", roleRetry, []string{"opnieuw proberen", "herhalen"}},
	{"nl", roleOther, []string{"soort"}},

	{"pl", roleCode, []string{"kod błędu", "kod", "kod http", "kod statusu", "kod odpowiedzi"}}, // "kod" also tr
	{"pl", roleKey, []string{"kod błędu", "typ błędu", "kod"}},                                  // "typ" also de
	{"pl", roleName, []string{"znaczenie", "komunikat", "nazwa", "wiadomość", "opis"}},
	{"pl", roleRemedy, []string{"rozwiązanie", "działanie", "co zrobić", "opis"}},
	{"pl", roleExplain, []string{"przyczyna", "powód", "szczegóły", "uwagi", "uwaga"}},
	{"pl", roleRetry, []string{"ponów", "ponowienie", "ponowić"}},
	{"pl", roleOther, []string{"metoda", "rodzaj"}},

	{"ru", roleCode, []string{"код ошибки", "код", "код http", "http-код", "код состояния", "код статуса", "статус", "http статус"}},
	{"ru", roleKey, []string{"код ошибки", "тип ошибки", "код", "тип"}},
	{"ru", roleName, []string{"значение", "сообщение", "название", "текст ошибки", "описание"}},
	{"ru", roleRemedy, []string{"решение", "действие", "что делать", "рекомендация", "описание"}},
	{"ru", roleExplain, []string{"причина", "подробности", "детали", "примечание", "примечания", "комментарий"}},
	{"ru", roleRetry, []string{"повтор", "повторить", "повторять"}},
	{"ru", roleOther, []string{"тип", "метод"}},

	// Turkish: strings.ToLower leaves "ı" and maps "I" to "i", so a header
	// written in capitals ("AÇIKLAMA") does not match; docs write it in
	// title case.
	{"tr", roleCode, []string{"hata kodu", "durum kodu", "http kodu", "http durum kodu"}},
	{"tr", roleKey, []string{"hata kodu", "hata türü", "tür", "tip"}},
	{"tr", roleName, []string{"anlam", "mesaj", "hata mesajı", "açıklama"}},
	{"tr", roleRemedy, []string{"çözüm", "eylem", "ne yapmalı", "öneri", "açıklama"}},
	{"tr", roleExplain, []string{"neden", "sebep", "ayrıntılar", "detaylar", "notlar"}},
	{"tr", roleRetry, []string{"yeniden dene", "tekrar dene"}},
	{"tr", roleOther, []string{"tür", "tip", "yöntem", "metot"}},

	// Vietnamese, written in NFC as pages are.
	{"vi", roleCode, []string{"mã lỗi", "mã", "mã trạng thái", "mã http", "mã trạng thái http"}},
	{"vi", roleKey, []string{"mã lỗi", "loại lỗi", "mã", "loại"}},
	{"vi", roleName, []string{"ý nghĩa", "thông báo", "thông điệp", "tên lỗi", "mô tả"}},
	{"vi", roleRemedy, []string{"giải pháp", "cách khắc phục", "hành động", "xử lý", "mô tả"}},
	{"vi", roleExplain, []string{"nguyên nhân", "lý do", "chi tiết", "ghi chú"}},
	{"vi", roleRetry, []string{"thử lại"}},
	{"vi", roleOther, []string{"loại", "phương thức"}},

	{"id", roleCode, []string{"kode kesalahan", "kode error", "kode", "kode status", "kode http", "kode status http"}},
	{"id", roleKey, []string{"kode kesalahan", "kode error", "jenis kesalahan", "kode", "tipe"}},
	{"id", roleName, []string{"keterangan", "arti", "pesan", "pesan kesalahan", "nama", "deskripsi"}},
	{"id", roleRemedy, []string{"solusi", "tindakan", "penanganan", "cara mengatasi", "deskripsi"}},
	{"id", roleExplain, []string{"penyebab", "alasan", "catatan"}},
	{"id", roleRetry, []string{"coba lagi", "ulangi"}},
	{"id", roleOther, []string{"tipe", "jenis", "metode"}},
}
