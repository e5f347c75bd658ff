package fake

import (
	"time"

	"github.com/ackgo/ack/version"
)

// WithVersionTimeline sets the Kubernetes version timeline the fake's
// catalog follows on its clock (DescribeKubernetesVersionMetadata). The
// default is version.PolicyProduct on version.DefaultCalendar.
func WithVersionTimeline(tl version.Timeline) Option {
	return func(s *settings) { s.versions = &tl }
}

// defaultTimeline is the product description's policy on the built-in
// calendar; both are the version package's own data, so it cannot fail.
var defaultTimeline = func() version.Timeline {
	tl, err := version.NewTimeline(version.PolicyProduct(), version.DefaultCalendar())
	if err != nil {
		panic("fake: the default version timeline: " + err.Error())
	}
	return tl
}()

// Timeline returns the version timeline the fake's catalog follows.
func (c *Cloud) Timeline() version.Timeline {
	if c.settings.versions != nil {
		return *c.settings.versions
	}
	return defaultTimeline
}

// Catalog returns the version catalog at the fake's current time: what
// DescribeKubernetesVersionMetadata answers in mode supported.
func (c *Cloud) Catalog() version.Catalog { return c.catalogAt(c.Now()) }

func (c *Cloud) catalogAt(t time.Time) version.Catalog { return c.Timeline().Catalog(t) }
