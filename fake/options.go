package fake

import (
	"maps"
	"slices"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/quota"
	"github.com/ackgo/ack/version"
)

// DefaultRegion is the region of a Cloud built without WithRegions.
const DefaultRegion = "cn-hangzhou"

// DefaultSpeed is how many virtual seconds pass per wall second on a
// Scaled clock unless WithScaledClock says otherwise.
const DefaultSpeed = 60

// Option configures a Cloud built by New or NewServer.
type Option func(*settings)

// settings is what the options configure. Reset rebuilds the state from
// it.
type settings struct {
	regions      []string
	creds        map[string]credential
	limits       quota.Limits
	account      *quota.Account
	vpcs         []VPC
	vswitches    []VSwitch
	strict       bool
	clockMode    ClockMode
	clockSet     bool
	speed        float64
	start        time.Time
	progressions map[Change]Progression
	principal    Principal
	preset       cluster.Preset
	callLogLimit int
	callLogBytes int
	// taskLimit is TaskLimit unless a test of the package sets it.
	taskLimit    int
	httpLimits   HTTPLimits
	versions     *version.Timeline // nil: the product policy on the default calendar
	meter        meterSettings     // the billing meter's book, preset and limit (world_meter.go)
	controlToken ack.Secret        // admits remote clients to /_fake/ (control_token.go)
	state        *State            // WithState's, loaded by New; Reset does not reload it
}

func defaultSettings(mode ClockMode) settings {
	return settings{
		regions:      []string{DefaultRegion},
		creds:        map[string]credential{},
		limits:       quota.ProductDefaults(),
		clockMode:    mode,
		speed:        DefaultSpeed,
		progressions: DefaultProgressions(),
		callLogLimit: DefaultCallLogLimit,
		callLogBytes: DefaultCallLogBytes,
	}
}

// clone returns a deep copy, so that a Cloud's settings are its own.
func (s settings) clone() settings {
	c := s
	c.regions = slices.Clone(s.regions)
	c.creds = maps.Clone(s.creds)
	c.vpcs = slices.Clone(s.vpcs)
	c.vswitches = slices.Clone(s.vswitches)
	c.progressions = maps.Clone(s.progressions)
	if s.account != nil {
		a := *s.account
		c.account = &a
	}
	return c
}

// WithRegions sets the regions the fake serves; clusters may be created
// only in them. The default is DefaultRegion.
func WithRegions(regions ...string) Option {
	return func(s *settings) {
		if len(regions) > 0 {
			s.regions = slices.Clone(regions)
		}
	}
}

// WithCredential adds an AccessKey pair with full access. Once any
// credential is configured, every HTTP request must be signed with one of
// them (ROA v1 or ACS3); in-process calls act as the Principal instead.
func WithCredential(accessKeyID, accessKeySecret string) Option {
	return func(s *settings) {
		s.creds[accessKeyID] = credential{secret: ack.NewSecret(accessKeySecret)}
	}
}

// WithReadOnlyCredential adds an AccessKey pair whose writes are refused
// with ErrorCheckAcl (HTTP 403).
func WithReadOnlyCredential(accessKeyID, accessKeySecret string) Option {
	return func(s *settings) {
		s.creds[accessKeyID] = credential{secret: ack.NewSecret(accessKeySecret), readOnly: true}
	}
}

// WithLimits sets the account's quotas and limits, which DescribeUserQuota
// reports and every write is checked against (quota.Check); the default is
// quota.ProductDefaults().
func WithLimits(l quota.Limits) Option { return func(s *settings) { s.limits = l } }

// WithAccount sets the account's real-name verification and funds, which
// the account prerequisites of the limits look at. The default is
// quota.DefaultAccount of the limits: verified, with the funds the
// pay-as-you-go prerequisite asks for.
func WithAccount(a quota.Account) Option { return func(s *settings) { s.account = &a } }

// WithVPC registers a VPC. New panics when its ID or CIDR is malformed.
func WithVPC(v VPC) Option { return func(s *settings) { s.vpcs = append(s.vpcs, v) } }

// WithVSwitch registers a vSwitch (and its VPC, with an unknown CIDR, if
// that is not registered). New panics when its ID or CIDR is malformed or
// outside its VPC's CIDR.
func WithVSwitch(v VSwitch) Option {
	return func(s *settings) { s.vswitches = append(s.vswitches, v) }
}

// WithStrictNetwork refuses VPC and vSwitch IDs that were not registered,
// instead of registering them on first use.
func WithStrictNetwork() Option { return func(s *settings) { s.strict = true } }

// WithClock selects the clock's mode. A Scaled clock runs at DefaultSpeed
// unless WithScaledClock sets the speed.
func WithClock(mode ClockMode) Option {
	return func(s *settings) { s.clockMode, s.clockSet = mode, true }
}

// WithScaledClock selects a Scaled clock on which speed virtual seconds
// pass per wall second (values below 1 are taken as 1).
func WithScaledClock(speed float64) Option {
	return func(s *settings) { s.clockMode, s.clockSet, s.speed = Scaled, true, speed }
}

// WithStart sets the virtual time the clock starts at; the default is
// 2026-01-01T00:00:00Z.
func WithStart(t time.Time) Option { return func(s *settings) { s.start = t } }

// WithProgression sets when changes of one kind complete.
func WithProgression(ch Change, p Progression) Option {
	return func(s *settings) { s.progressions[ch] = p }
}

// WithProgressions sets the same progression for every kind of change,
// for example AfterPolls(1) or Immediately().
func WithProgressions(p Progression) Option {
	return func(s *settings) {
		for ch := range s.progressions {
			s.progressions[ch] = p
		}
	}
}

// WithPrincipal sets who in-process calls act as; the default has full
// access.
func WithPrincipal(p Principal) Option { return func(s *settings) { s.principal = p } }

// WithRules chooses whose rules the fake enforces: the product
// description's (cluster.PresetProduct, the default) or today's ACK's
// (cluster.PresetCurrent). It is passed to the cluster package's
// validation and immutability checks (as cluster.WithPreset).
func WithRules(p cluster.Preset) Option { return func(s *settings) { s.preset = p } }

// WithPreset is the earlier name of WithRules, which shared its name with
// cluster.WithPreset but not its type.
//
// Deprecated: use WithRules; WithPreset will be removed in the next
// release.
func WithPreset(p cluster.Preset) Option { return WithRules(p) }

// WithCallLogLimit sets how many calls the action log keeps: the n most
// recent, the older ones dropped as new ones come (TotalCalls still counts
// them). n of 0 or less lifts this bound: the log then keeps every call
// that WithCallLogBytes leaves room for (every call, when that bound is
// lifted too). The default is DefaultCallLogLimit.
func WithCallLogLimit(n int) Option { return func(s *settings) { s.callLogLimit = n } }

// WithCallLogBytes sets how many bytes of calls the action log keeps: the
// most recent calls whose bodies, paths and queries (and a fixed overhead
// each) fit in n bytes, the older ones dropped as new ones come; a call
// that alone exceeds n is kept without its body. n of 0 or less lifts the
// bound. The default is DefaultCallLogBytes; WithCallLogLimit bounds the
// number of calls as well.
func WithCallLogBytes(n int) Option { return func(s *settings) { s.callLogBytes = n } }

// WithHTTPLimits sets the limits of the cloud's HTTP server (Server,
// Listen, NewServer): timeouts, header size and the number of open
// connections. Zero fields keep their defaults; see HTTPLimits.
func WithHTTPLimits(l HTTPLimits) Option { return func(s *settings) { s.httpLimits = l } }
