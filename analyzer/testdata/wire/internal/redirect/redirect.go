// Package redirect sends every connection of http.DefaultTransport to the test's
// capture server (WIRE_SERVER), so that the SDKs build their URLs from the base URLs
// the cases write (https://api.deepseek.com/beta, their defaults) and only the
// network under them changes. Every case package imports it so that it runs before
// any client is built (some SDKs clone http.DefaultTransport when they build one).
package redirect

import (
	"context"
	"net"
	"net/http"
	"os"
)

func init() {
	addr := os.Getenv("WIRE_SERVER")
	if addr == "" {
		return
	}
	t := http.DefaultTransport.(*http.Transport)
	dial := func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "tcp", addr)
	}
	// https URLs too: the capture server speaks plain HTTP/1.1 on the connection a
	// custom TLS dialer returns.
	t.DialContext, t.DialTLSContext, t.Proxy = dial, dial, nil
}
