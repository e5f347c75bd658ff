package fake

import (
	"strings"
	"time"

	"github.com/ackgo/ack/version"
)

// RuleCreateVersion is the rule of a CreateCluster refused because its
// kubernetes_version is not creatable at the fake's clock (offline,
// retired, unreleased or unknown to its version timeline).
const RuleCreateVersion = "fake.version.creatable"

// createVersionLocked returns the version a new cluster runs: the one
// asked for when the catalog at now lists it as creatable, else the
// newest creatable one when none is asked for. A version that is not
// creatable is refused with InvalidParameter, naming the version, its
// phase and the creatable ones. createCluster asks it before it admits
// the cluster's network, so that a refused version changes nothing.
func (s *store) createVersionLocked(asked string, now time.Time) (string, *Error) {
	tl := s.settings.timeline()
	cat := tl.Catalog(now)
	if asked == "" {
		newest, ok := cat.NewestCreatable()
		if !ok {
			return "", NewError(InvalidParameter, "no Kubernetes version is creatable on %s under the fake's version policy", now.Format(time.DateOnly))
		}
		return newest.Version.String(), nil
	}
	v, err := version.Parse(asked)
	if err != nil {
		return "", NewError(InvalidParameter, "kubernetes_version: %v [%s]", err, RuleCreateVersion)
	}
	if e, ok := cat.Lookup(v); ok && e.Creatable {
		return asked, nil
	}
	creatable := cat.Creatable()
	names := make([]string, len(creatable))
	for i, e := range creatable {
		names[i] = e.Version.String()
	}
	return "", NewError(InvalidParameter, "kubernetes_version: %s is not creatable on %s (%s is %s); creatable: %s [%s]",
		asked, now.Format(time.DateOnly), v.MinorString(), tl.Status(v, now), strings.Join(names, ", "), RuleCreateVersion)
}
