package version

import (
	"slices"
	"time"
)

// Catalog is the Kubernetes versions ACK offers in a region for a cluster
// type at one time, one entry per version: what
// DescribeKubernetesVersionMetadata answers, and what Timeline.Catalog
// synthesizes from a policy and a calendar. A client builds it from the
// live answer; both sources give the same type, so the same checks
// (Creatable, NewestCreatable, Lookup, CanUpgrade) run on either.
type Catalog struct {
	// Region is the region ID the catalog is for, "cn-hangzhou"; empty
	// when synthesized.
	Region string
	// ClusterType is the API's cluster type, "ManagedKubernetes"; empty
	// when synthesized.
	ClusterType string
	// Profile is the API's profile, "Default", "Edge" or "Serverless";
	// empty when synthesized.
	Profile string
	// At is when the catalog was read or synthesized for.
	At time.Time
	// Entries holds the versions, oldest first.
	Entries []CatalogEntry
}

// CatalogEntry is one version of a Catalog, with the fields of an element
// of DescribeKubernetesVersionMetadata's answer.
type CatalogEntry struct {
	// Version is the version string, version in the API.
	Version Version
	// Creatable reports whether new clusters can be created on it,
	// creatable in the API.
	Creatable bool
	// Phase is the version's phase at the catalog's At: Online when
	// creatable, else Offline while supported, Retired once Expires has
	// passed. The API has no such field; a client derives it from
	// creatable and expiration_date.
	Phase Phase
	// Released is ACK's release, release_date in the API; zero when not
	// given.
	Released time.Time
	// Expires is when support ends, expiration_date in the API; zero when
	// not given.
	Expires time.Time
	// UpgradableTo lists the versions a cluster on Version can upgrade to,
	// upgradable_versions in the API. Nil means not known (the API fills it
	// only when asked, QueryUpgradableVersion); empty means none.
	UpgradableTo []Version
	// Runtimes are the container runtimes offered with it, runtimes in the
	// API.
	Runtimes []Runtime
	// Images are the OS images offered with it, images in the API.
	Images []Image
	// Capabilities is the API's capabilities map, such as
	// {"AnyAZ": true, "ChargeType": "PostPaid"}, as decoded from JSON.
	Capabilities map[string]any
	// MetaData is the API's meta_data map, such as {"SubClass": "default"},
	// as decoded from JSON.
	MetaData map[string]any
}

// Runtime is a container runtime offered with a version, an element of
// runtimes in the API.
type Runtime struct {
	// Name is the runtime, "containerd".
	Name string
	// Version is its version, "1.6.28".
	Version string
}

// Image is an OS image offered with a version, an element of images in
// the API.
type Image struct {
	// ID is image_id.
	ID string
	// Name is image_name.
	Name string
	// Platform is platform, "AliyunLinux".
	Platform string
	// OSVersion is os_version.
	OSVersion string
	// Type is image_type.
	Type string
	// OSType is os_type: "Linux" or "Windows".
	OSType string
	// Category is image_category: "system", "self", "others" or
	// "marketplace".
	Category string
	// Architecture is architecture: "x86_64" or "arm64".
	Architecture string
}

// Catalog synthesizes the catalog ACK would answer at time at under the
// timeline's policy and calendar: one entry per minor that is supported at
// at (Online or Offline), carrying the minor's Latest patch (the
// calendar's newest recorded string, else x.y.1-aliyun.1), creatable when
// Online, its release and retirement, and as UpgradableTo the next minor's
// Latest when that upgrade is open at at and the next minor not retired,
// else an empty list. Runtimes, images and the maps are left empty.
func (tl Timeline) Catalog(at time.Time) Catalog { return tl.catalog(at, false) }

// FullCatalog is Catalog with the retired minors kept: every minor
// released by at, a retired one with Phase Retired, not creatable and
// with no upgrades. DescribeKubernetesVersionMetadata lists only
// supported versions (Catalog); a judge of upgrades needs the retired ones
// too, so that CanUpgrade says a cluster on a retired minor has no
// upgrade channel (ReasonRetired) rather than that its minor is unknown.
// The fake judges UpgradeCluster with it.
func (tl Timeline) FullCatalog(at time.Time) Catalog { return tl.catalog(at, true) }

func (tl Timeline) catalog(at time.Time, retired bool) Catalog {
	c := Catalog{At: at}
	for i, l := range tl.minors {
		phase := l.Phase(at)
		if !phase.Supported() && !(retired && phase == Retired) {
			continue
		}
		e := CatalogEntry{
			Version:      l.Latest,
			Creatable:    phase.Creatable(),
			Phase:        phase,
			Released:     l.Released,
			Expires:      l.Retired,
			UpgradableTo: []Version{},
		}
		if i+1 < len(tl.minors) && phase != Retired {
			n := tl.minors[i+1]
			if !at.Before(n.UpgradePathAvailable) && !at.Before(n.Released) && n.Phase(at) != Retired {
				e.UpgradableTo = append(e.UpgradableTo, n.Latest)
			}
		}
		c.Entries = append(c.Entries, e)
	}
	return c
}

// Lookup returns the entry of exactly version v.
func (c Catalog) Lookup(v Version) (CatalogEntry, bool) {
	for _, e := range c.Entries {
		if e.Version == v {
			return e, true
		}
	}
	return CatalogEntry{}, false
}

// Creatable returns the entries new clusters can be created on, oldest
// first.
func (c Catalog) Creatable() []CatalogEntry {
	var out []CatalogEntry
	for _, e := range c.Entries {
		if e.Creatable {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b CatalogEntry) int { return a.Version.Compare(b.Version) })
	return out
}

// NewestCreatable returns the newest creatable entry, the version a
// cluster is created on when none is asked for; false when none is
// creatable.
func (c Catalog) NewestCreatable() (CatalogEntry, bool) {
	var newest CatalogEntry
	found := false
	for _, e := range c.Entries {
		// Creatable sorts stably, so of equal versions the last is
		// its newest: >= keeps the last here too.
		if e.Creatable && (!found || e.Version.Compare(newest.Version) >= 0) {
			newest, found = e, true
		}
	}
	return newest, found
}

// CanUpgrade reports whether a cluster on from can upgrade to to in one
// hop, as the catalog stands. It returns nil or an *UpgradeError:
//
//	ReasonDowngrade   to is not newer than from
//	ReasonUnknown     no entry of from's minor
//	ReasonRetired     from's minor or to is retired (Phase Retired)
//	ReasonNotOffered  to is not in the catalog, or from's entry lists its
//	                  upgrades (UpgradableTo not nil) without to
//	ReasonSkip        to's minor is past the catalog's next minor after
//	                  from's
//
// A from that is not itself listed (an older patch) is judged by the
// newest entry of its minor. A newer patch of the same minor is always
// offered while the minor is supported; with UpgradableTo nil, so is any
// version of the next minor in the catalog.
func (c Catalog) CanUpgrade(from, to Version) error {
	fail := func(r Reason, m Minor, d time.Time) error {
		return &UpgradeError{From: from, To: to, Hop: Hop{From: from, To: to}, Reason: r, Minor: m, Date: d}
	}
	if to.Compare(from) <= 0 {
		return fail(ReasonDowngrade, to.MinorVersion(), time.Time{})
	}
	fm, tm := from.MinorVersion(), to.MinorVersion()
	src, ok := c.Lookup(from)
	if !ok {
		if src, ok = c.newestOf(fm); !ok {
			return fail(ReasonUnknown, fm, time.Time{})
		}
	}
	if src.Phase == Retired {
		return fail(ReasonRetired, fm, src.Expires)
	}
	dst, ok := c.Lookup(to)
	if !ok {
		return fail(ReasonNotOffered, tm, time.Time{})
	}
	switch dst.Phase {
	case Retired:
		return fail(ReasonRetired, tm, dst.Expires)
	case Unreleased:
		return fail(ReasonUnreleased, tm, dst.Released)
	}
	if tm == fm {
		return nil
	}
	if next, ok := c.nextMinor(fm); ok && tm != next {
		return fail(ReasonSkip, next, time.Time{})
	}
	if src.UpgradableTo != nil && !slices.Contains(src.UpgradableTo, to) {
		return fail(ReasonNotOffered, tm, time.Time{})
	}
	return nil
}

// newestOf returns the newest entry of minor m.
func (c Catalog) newestOf(m Minor) (CatalogEntry, bool) {
	var best CatalogEntry
	found := false
	for _, e := range c.Entries {
		if e.Version.MinorVersion() == m && (!found || best.Version.Less(e.Version)) {
			best, found = e, true
		}
	}
	return best, found
}

// nextMinor returns the oldest minor in the catalog newer than m.
func (c Catalog) nextMinor(m Minor) (Minor, bool) {
	var next Minor
	found := false
	for _, e := range c.Entries {
		em := e.Version.MinorVersion()
		if m.Less(em) && (!found || em.Less(next)) {
			next, found = em, true
		}
	}
	return next, found
}
