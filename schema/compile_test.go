package schema

import (
	"reflect"
	"testing"
)

// TestEmbeddedCompiles compiles every endpoint of the embedded contract, which
// Default compiles only at first use.
func TestEmbeddedCompiles(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.compiled(); err != nil {
		t.Fatal(err)
	}
	for _, ep := range endpoints {
		if c.Root(ep) == nil {
			t.Errorf("%s: not compiled", ep)
		}
	}
}

// TestEmbeddedLight checks that what Default reads at load without decoding the
// schemas (loadLight) is what a full load reads.
func TestEmbeddedLight(t *testing.T) {
	read := func(name string) ([]byte, error) { return files.ReadFile(name) }
	light, err := loadLight(read, "embedded schema")
	if err != nil {
		t.Fatal(err)
	}
	if light.rules != nil || light.docs != nil {
		t.Fatal("loadLight decoded the rules or the schemas")
	}
	full, err := load(read, "embedded schema", true)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name        string
		light, full any
	}{
		{"Endpoints", light.Endpoints, full.Endpoints},
		{"Accepted", light.Accepted, full.Accepted},
		{"Retired", light.Retired, full.Retired},
		{"Vision", light.Vision, full.Vision},
		{"Digest", light.Digest, full.Digest},
	} {
		if !reflect.DeepEqual(f.light, f.full) {
			t.Errorf("%s: light %v, full %v", f.name, f.light, f.full)
		}
	}
	if err := light.loaded(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(light.Rules(), full.Rules()) || !reflect.DeepEqual(light.annotations, full.annotations) || !reflect.DeepEqual(light.docs, full.docs) {
		t.Error("a light contract, once loaded, differs from a full one")
	}
	if err := light.compiled(); err != nil {
		t.Fatal(err)
	}
	for _, ep := range endpoints {
		if light.Root(ep) == nil {
			t.Errorf("%s: not compiled", ep)
		}
	}
}
