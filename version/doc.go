// Package version models Kubernetes versions on ACK: the version strings,
// the support policy that takes each minor online, offline and into
// retirement, the one-minor-at-a-time upgrade paths, the catalog of
// versions a region offers, and a fleet's upgrade plan. Its domain code
// has no I/O; Client reads the live catalog
// (DescribeKubernetesVersionMetadata), and the upgrade calls themselves
// are cluster.Client.Upgrade and nodepool.Client.Upgrade, judged by the
// rules of this package (Catalog.CanUpgrade, CheckNodeVersion).
//
// # Versions and minors
//
// ACK names a version x.y.z-aliyun.n: upstream Kubernetes x.y.z and ACK's
// patch counter n (1.31.1-aliyun.1). Parse also reads the older forms
// without a suffix (1.14.8) or with a "v" (v1.14.8), and ACK Edge's
// -aliyunedge.n; Version.String writes the canonical form. A Minor (1.31)
// is the unit the policy speaks of; Version.MinorVersion gives a version's.
// Both are JSON strings (encoding.TextMarshaler). Parse errors are
// *ParseError values naming the input and the rule.
//
// # Phases
//
// At any time a minor is in one Phase:
//
//	Unreleased  ACK has not released it
//	Online      released: creatable and supported
//	Offline     no new clusters; existing ones are supported and can upgrade
//	Retired     no support; the upgrade channel is closed
//	Unknown     the timeline does not hold the minor
//
// An upgrade to an Offline minor is allowed: offline only stops creation.
//
// # Policies
//
// A Policy is the rules as data: which minors ACK ships, how many newest
// minors are creatable, and the delays (Period values, in calendar months
// and days) from upstream's GA to ACK's release, from release to the
// upgrade path, and to retirement. Two presets:
//
// PolicyProduct is the ACK product description's (2019), the documented
// default: two even minors online at once, a new one every half year 2–3
// months after upstream; when one goes online the oldest goes offline;
// about a month later its upgrade path ships, and three months after that
// the oldest is retired. Upgrades go to the next shipped minor only, so
// 1.14 -> 1.16 is one hop and 1.14 -> 1.18 is two.
//
// PolicyCurrent is ACK's from October 2024: every minor from 1.31 (even
// ones before), each supported a year (release month + 12, to that month's
// end), creation only on the three newest minors, upgrades one minor at a
// time, so 1.31 -> 1.33 is 1.32, 1.33.
//
// # Calendar and policy
//
// A Calendar records what is known of each minor: upstream's GA, ACK's
// release, the opening of its upgrade path, ACK's end of support, the
// newest patch string. DefaultCalendar holds the history from 1.10 to 1.36;
// NewCalendar and ParseCalendar (JSON) build others, for a private cloud
// or a what-if. NewTimeline applies a policy to a calendar. The
// calendar's recorded dates win; the policy fills only what is missing:
//
//	date                  recorded        else derived by the policy
//	Released (online)     ACK release     upstream GA + ReleaseLag
//	UpgradePathAvailable  upgrade path    Released + UpgradePathDelay
//	Offline (no create)   (never)         Released of the minor Creatable places
//	                                      later, or Retired if that comes first
//	Retired               end of support  with a SupportTerm: month end of the
//	                                      release month + the term; without one:
//	                                      UpgradePathAvailable of the minor that
//	                                      took it offline + RetireBuffer
//	Latest patch          newest seen     x.y.1-aliyun.1
//
// So under PolicyCurrent 1.31–1.35 end where the arithmetic says
// (2025-09-30 … 2027-02-28), while 1.28 and 1.30, which ACK supported for
// two years, keep their recorded 2025-10-31 and 2026-06-30, and 1.36 its
// planned 2027-05-30 rather than a month end. Under PolicyProduct the
// recorded ends apply too: 1.32, recorded to end 2026-01-31 under today's
// one-year term, is retired then, before 1.36 would take it offline.
//
// Dates are days in UTC: a minor is released, upgradable or retired from
// 00:00 UTC of its day, as expiration_date reads in the API
// ("2023-04-30T00:00:00Z"). A month given alone is its first day, or for an
// end of support its last day.
//
// # Timelines, upgrades, catalogs and fleets
//
// Timeline.Status gives a version's phase at a time. Timeline.UpgradePath
// gives the hops from one version to another, each landing on its minor's
// latest patch and the last on the target, or an *UpgradeError naming the
// hop and the Reason: a downgrade, an unknown minor, a retired source or
// hop, a hop not released or whose upgrade path is not open yet.
//
// A Catalog is what a region offers a cluster type at one time, the shape
// of DescribeKubernetesVersionMetadata's answer (version, creatable,
// release and expiration dates, upgradable versions, runtimes, images).
// Timeline.Catalog synthesizes one from the policy and calendar; a client
// builds one from the live answer. Catalog.Creatable, NewestCreatable (the
// default for a new cluster), Lookup and CanUpgrade (one hop, with a skip
// as its own Reason) run on either. Timeline.FullCatalog keeps the retired
// minors too, so that CanUpgrade names a retired source as retired; the
// fake judges UpgradeCluster with it (through cluster.CheckUpgrade, which
// the cluster client runs on a catalog it is given).
//
// Nodes may run their control plane's minor or an older one:
// CheckNodeVersion refuses a newer one with a *SkewError, and the node
// pool client and the fake run it before a node pool upgrade.
//
// Timeline.PlanFleet takes clusters and a date and says, most urgent
// first, when each cluster's minor loses support and its path to the
// newest creatable minor. Each distinct minor is worked out once, so a
// plan's cost is mostly sorting: 10,000 clusters take milliseconds
// (BenchmarkPlanFleet).
//
// # Client
//
// Client.Catalog reads DescribeKubernetesVersionMetadata (a bare JSON
// array) into the same Catalog type that Timeline.Catalog synthesizes, so
// the same checks run on either: ModeCreatable (ACK's default) lists the
// versions new clusters may use, ModeSupported adds the offline ones, and
// Upgradable with KubernetesVersion fills UpgradableTo. The fake answers
// the call from its Timeline on its virtual clock. CatalogReader is the
// call's one-method interface; versionmock holds its mock.
//
// # Defaults
//
//	Policy field      PolicyProduct (default)   PolicyCurrent
//	EvenMinorsOnly    true                      true (before 1.31)
//	EveryMinorFrom    none                      1.31
//	Creatable         2                         3
//	ReleaseLag        3 months                  1 month
//	UpgradePathDelay  1 month                   0
//	SupportTerm       0 (no fixed term)         12 months, to month end
//	RetireBuffer      3 months                  0 (unused)
//
//	DefaultCalendar   1.10–1.36: upstream GA of each; ACK release and end
//	                  of support of 1.12–1.36; 1.20's upgrade path (July
//	                  2021); the newest patch seen of 13 minors
//	time zone         UTC, whole days
//	Latest patch      the calendar's, else x.y.1-aliyun.1
//	Client: Region    the Config's region
//	Client: ClusterType  ManagedKubernetes
//	Client: Mode      creatable (ACK's default)
//
// # The product description's example
//
// The description illustrates its policy with 1.11, 1.12 and 1.14,
// although its even-minor rule would skip 1.11: "with 1.11 and 1.12
// supported, when 1.14 goes online 1.11 goes offline; when 1.14's upgrade
// ships, 1.11 is retired three months later". The package models it as
// written: a calendar holding just those three minors and PolicyProduct
// with EvenMinorsOnly off, so the calendar's minors are the sequence (see
// ExampleParseCalendar). With 1.14 online on 2019-08-01, 1.11 is offline
// that day, 1.14's upgrade path opens 2019-09-01 and 1.11 is retired
// 2019-12-01. The same rule on the real calendar retires 1.10 on
// 2019-12-01, 1.14's upgrade path plus three months.
//
// # What is not known
//
//   - Whether ACK allows an upgrade that skips a retired minor. The model
//     says no (the upstream skew rule), so under PolicyCurrent a 1.30
//     cluster has no path once 1.31 is retired (2025-09-30), although 1.30
//     itself is supported to 2026-06-30.
//   - Upgrade stepping under the 2024 policy is not stated by ACK; one
//     minor at a time is assumed.
//   - Per-patch release and expiry dates: none are published. A catalog
//     synthesized for any date carries the newest patch string recorded,
//     which may be newer than what ACK offered then, and the recorded
//     strings are the newest found in documentation, not necessarily the
//     last ACK shipped.
//   - The release lags are estimates: the description says 2–3 months
//     (ACK took 4–6 months in 2019–2021); the 2024 policy says two weeks
//     after upstream's first patch. They matter only for minors without a
//     recorded release.
//   - 1.9–1.11 were ACK releases whose dates were not recorded; the
//     default calendar has upstream dates only for 1.10 and 1.11, and
//     nothing for 1.9.
//   - Policy dates derived for minors before a policy took effect (1.10
//     under PolicyCurrent) are arithmetic, not history.
package version
