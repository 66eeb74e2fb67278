// Package histmid sits between histlib and its users: it passes their // want package:`bodies:histlib.Send@chat`
// conversation on, so it builds histlib's body too.
package histmid

import (
	"net/http"

	"histlib"
)

// Ask sends the caller's conversation with the caller's tools.
func Ask(input string, history, tools []any) (*http.Response, error) { // want Ask:"deepseek:chat"
	return histlib.Send(input, histlib.Params{History: history, Tools: tools})
}
