// Endpoints from URLs: which DeepSeek endpoint (or other provider) a URL or a
// request path names, by the contract's endpoints.json.

package analyzer

import (
	"net/url"
	"strings"
	"sync"

	"github.com/deepseekvet/deepseekvet/schema"
)

// endpointClass is what a URL constant says about where a request goes.
type endpointClass uint8

const (
	toChat        endpointClass = 1 << iota // https://api.deepseek.com[/v1]
	toBeta                                  // https://api.deepseek.com/beta (chat)
	toFIM                                   // https://api.deepseek.com/beta/completions
	toFIMNoBeta                             // https://api.deepseek.com/completions
	toAnthropic                             // https://api.deepseek.com/anthropic
	toOther                                 // another provider's API
	toDeepSeekAny                           // DeepSeek, base URL not shown (an SDK's default)
	toResponses                             // https://api.deepseek.com/responses
)

const (
	toDeepSeek = toChat | toBeta | toFIM | toFIMNoBeta | toAnthropic | toDeepSeekAny | toResponses
	urlKnown   = toChat | toBeta | toFIM | toFIMNoBeta
)

// urlClassifier classifies constant strings by the contract's endpoints.json. Only
// strings that look like an API base URL or endpoint count: a link to an image or a
// doc page says nothing. It is memoized per contract.
type urlClassifier struct {
	ep    schema.Endpoints
	memo  sync.Map // string → endpointClass
	names map[string]endpointClass
}

var classifiers sync.Map // *schema.Contract → *urlClassifier

func classifierFor(c *schema.Contract) *urlClassifier {
	if u, ok := classifiers.Load(c); ok {
		return u.(*urlClassifier)
	}
	u, _ := classifiers.LoadOrStore(c, &urlClassifier{ep: c.Endpoints, names: map[string]endpointClass{
		"chat": toChat, "beta": toBeta, "fim": toFIM, "fim-nonbeta": toFIMNoBeta, "anthropic": toAnthropic, "responses": toResponses,
	}})
	return u.(*urlClassifier)
}

func (u *urlClassifier) classify(s string) endpointClass {
	if !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "http://") {
		return 0
	}
	if c, ok := u.memo.Load(s); ok {
		return c.(endpointClass)
	}
	c := u.parse(s)
	u.memo.Store(s, c)
	return c
}

// isBase reports whether a DeepSeek URL names no request path: an SDK's base URL,
// or the prefix a helper joins a path to.
func (u *urlClassifier) isBase(s string) bool {
	parsed, err := url.Parse(s)
	if err != nil {
		return false
	}
	_, ok := u.requestPath(parsed.Path)
	return !ok
}

// requestPath reports whether a string is a request path (/chat/completions,
// /beta/completions, /anthropic/v1/messages, or a format joining one to a base:
// "%s/beta/completions").
func (u *urlClassifier) requestPath(s string) (string, bool) {
	for _, verb := range []string{"%s", "%v"} {
		s = strings.TrimPrefix(s, verb)
	}
	if len(s) > 100 || !strings.Contains(s, "/") || strings.ContainsAny(s, " ?%:") || strings.HasPrefix(s, "http") {
		return "", false
	}
	p := "/" + strings.Trim(s, "/")
	for _, end := range u.ep.RequestPaths {
		if strings.HasSuffix(p, end) {
			return p, true
		}
	}
	return "", false
}

func (u *urlClassifier) parse(s string) endpointClass {
	parsed, err := url.Parse(s)
	if err != nil || parsed.Host == "" {
		return 0
	}
	p := strings.TrimSuffix(parsed.Path, "/")
	host := strings.ToLower(parsed.Hostname())
	if host == strings.ToLower(u.ep.Host) {
		for _, rule := range u.ep.Paths {
			if rule.Path != "" && p == rule.Path || rule.Prefix != "" && strings.HasPrefix(p, rule.Prefix) {
				return u.names[rule.Endpoint]
			}
		}
		return u.names[u.ep.Default]
	}
	if u.ep.OwnDomain != "" && strings.HasSuffix(host, u.ep.OwnDomain) {
		return 0 // docs and platform pages
	}
	if p == "" {
		return toOther
	}
	for _, part := range u.ep.OtherAPIPaths {
		if strings.Contains(p, part) {
			return toOther
		}
	}
	return 0
}

// foreignPath reports whether a string is another API's request path ("/api/embed",
// Ollama's): a DeepSeek base joined with it names no DeepSeek endpoint.
func (u *urlClassifier) foreignPath(s string) bool {
	if !strings.HasPrefix(s, "/") || len(s) > 100 || strings.ContainsAny(s, " ?%:") {
		return false
	}
	if _, ok := u.requestPath(s); ok {
		return false
	}
	for _, part := range u.ep.OtherAPIPaths {
		if strings.HasPrefix(s, part+"/") {
			return true
		}
	}
	return false
}
