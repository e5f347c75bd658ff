package fake

import (
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/version"
)

// WithVersionTimeline sets the Kubernetes version timeline the fake's
// catalog follows on its clock (DescribeKubernetesVersionMetadata,
// CreateCluster's versions, UpgradeCluster's judge). The default follows
// the preset (WithPreset): version.PolicyProduct on
// version.DefaultCalendar, or version.PolicyCurrent with
// cluster.PresetCurrent.
func WithVersionTimeline(tl version.Timeline) Option {
	return func(s *settings) { s.versions = &tl }
}

// defaultTimeline is the product description's policy on the built-in
// calendar, currentTimeline today's ACK's; policies and calendar are the
// version package's own data, so they cannot fail.
var defaultTimeline, currentTimeline = mustTimeline(version.PolicyProduct()), mustTimeline(version.PolicyCurrent())

func mustTimeline(p version.Policy) version.Timeline {
	tl, err := version.NewTimeline(p, version.DefaultCalendar())
	if err != nil {
		panic("fake: the " + p.Name + " version timeline: " + err.Error())
	}
	return tl
}

// Timeline returns the version timeline the fake's catalog follows.
func (c *Cloud) Timeline() version.Timeline { return c.settings.timeline() }

// timeline is the version timeline of these settings: the one given
// (WithVersionTimeline), else the preset's.
func (s *settings) timeline() version.Timeline {
	switch {
	case s.versions != nil:
		return *s.versions
	case s.preset == cluster.PresetCurrent:
		return currentTimeline
	}
	return defaultTimeline
}

// Catalog returns the version catalog at the fake's current time: what
// DescribeKubernetesVersionMetadata answers in mode supported.
func (c *Cloud) Catalog() version.Catalog { return c.catalogAt(c.Now()) }

func (c *Cloud) catalogAt(t time.Time) version.Catalog { return c.Timeline().Catalog(t) }
