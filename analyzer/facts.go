package analyzer

import (
	_ "embed"
	"strings"
)

// boundFact says that an object is tied to DeepSeek's endpoints: a function whose
// body (or whose callees') sends to them, a client type built with their URL, or a
// payload type the functions sending there use. It carries that binding across
// packages: a client set up in package llm binds the payloads package app builds.
type boundFact struct{ Class uint8 }

func (*boundFact) AFact() {}

func (f *boundFact) String() string { return "deepseek:" + endpointClass(f.Class).String() }

func (c endpointClass) String() string {
	var parts []string
	for _, p := range []struct {
		c    endpointClass
		name string
	}{{toDeepSeekAny, "deepseek"}, {toChat, "chat"}, {toBeta, "beta"}, {toFIM, "fim"}, {toFIMNoBeta, "fim-nonbeta"}, {toAnthropic, "anthropic"}, {toResponses, "responses"}, {toOther, "other"}} {
		if c&p.c != 0 {
			parts = append(parts, p.name)
		}
	}
	return strings.Join(parts, "+")
}
