package version

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/optfn"
	"github.com/ackgo/ack/internal/wire"
)

//go:generate go run go.uber.org/mock/mockgen@v0.6.0 -destination=versionmock/mocks.go -package=versionmock -write_package_comment=false . CatalogReader

// Mode selects which versions DescribeKubernetesVersionMetadata lists.
type Mode string

// The listing modes.
const (
	// ModeCreatable lists the versions new clusters may be created on
	// (ACK's default).
	ModeCreatable Mode = "creatable"
	// ModeSupported lists every supported version, offline ones included.
	ModeSupported Mode = "supported"
)

// Client reads ACK's version catalog. It is safe for concurrent use.
type Client struct {
	cfg *ack.Config
}

// ClientOptions configure a Client; there are none yet, and the type keeps
// NewClient's form that of the other clients.
type ClientOptions struct{}

// NewClient returns a client that sends its calls through cfg.
func NewClient(cfg *ack.Config, optFns ...func(*ClientOptions)) *Client {
	optfn.Apply(optFns) // ClientOptions has no field yet; the functions still run
	return &Client{cfg: cfg}
}

// CatalogOptions select the catalog to read.
type CatalogOptions struct {
	// Region is the region ID; empty means the Config's region.
	Region string
	// ClusterType is the API's cluster type: "Kubernetes" (dedicated),
	// "ManagedKubernetes" (the default: managed and serverless) or
	// "ExternalKubernetes".
	ClusterType string
	// Profile is "Default" (ACK's default when empty), "Edge" or
	// "Serverless".
	Profile string
	// Runtime filters the images to a container runtime: "containerd",
	// "docker", "Sandboxed-Container.runv".
	Runtime string
	// Mode is ModeCreatable (ACK's default when empty) or ModeSupported.
	// ACK ignores it when KubernetesVersion is set.
	Mode Mode
	// KubernetesVersion restricts the answer to one version.
	KubernetesVersion string
	// Upgradable asks ACK to fill each entry's UpgradableTo; it needs
	// KubernetesVersion.
	Upgradable bool
}

// CatalogReader is the one-method interface of Client.Catalog, for
// consumers that mock it.
type CatalogReader interface {
	Catalog(ctx context.Context, optFns ...func(*CatalogOptions)) (*Catalog, error)
}

var _ CatalogReader = (*Client)(nil)

// Catalog reads DescribeKubernetesVersionMetadata into a Catalog, whose
// At is the Config clock's time of the call. Each entry's Phase is derived
// from the answer: Online when creatable, else Offline until its
// expiration date, Retired after it. A version string this package cannot
// parse is an error naming it; Upgradable without KubernetesVersion is
// refused before any call.
func (c *Client) Catalog(ctx context.Context, optFns ...func(*CatalogOptions)) (*Catalog, error) {
	o := optfn.ApplyTo(CatalogOptions{ClusterType: "ManagedKubernetes"}, optFns)
	if o.Region == "" && c.cfg != nil {
		o.Region = c.cfg.Region()
	}
	if o.Upgradable && o.KubernetesVersion == "" {
		return nil, fmt.Errorf("version catalog: Upgradable needs KubernetesVersion: %w", ack.ErrInvalid)
	}
	if c.cfg == nil {
		return nil, fmt.Errorf("%s: %w", wire.ActionDescribeKubernetesVersionMetadata, ack.ErrNoTransport)
	}
	req := wire.NewRequest(wire.ActionDescribeKubernetesVersionMetadata)
	req.Query = wire.VersionMetadataQuery{
		Region: o.Region, ClusterType: o.ClusterType, Profile: o.Profile, Runtime: o.Runtime,
		Mode: string(o.Mode), KubernetesVersion: o.KubernetesVersion, QueryUpgradableVersion: o.Upgradable,
	}.Query()
	req.Retry = ack.Safe
	resp, err := c.cfg.Do(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("version catalog of %s: %w", o.Region, err)
	}
	items, err := wire.DecodeVersionMetadata(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("version catalog of %s: %w", o.Region, err)
	}
	cat, err := catalogFromWire(items, c.cfg.Clock().Now())
	if err != nil {
		return nil, fmt.Errorf("version catalog of %s: %w", o.Region, err)
	}
	cat.Region, cat.ClusterType, cat.Profile = o.Region, o.ClusterType, o.Profile
	return cat, nil
}

// catalogFromWire converts the metadata answer, read at time at.
func catalogFromWire(items []wire.VersionMetadata, at time.Time) (*Catalog, error) {
	cat := &Catalog{At: at}
	for _, it := range items {
		v, err := Parse(it.Version)
		if err != nil {
			return nil, err
		}
		e := CatalogEntry{
			Version:      v,
			Creatable:    it.Creatable,
			Released:     apiDate(it.ReleaseDate),
			Expires:      apiDate(it.ExpirationDate),
			Capabilities: it.Capabilities,
			MetaData:     map[string]any(it.MetaData),
		}
		switch {
		case e.Creatable:
			e.Phase = Online
		case !e.Expires.IsZero() && !at.Before(e.Expires):
			e.Phase = Retired
		default:
			e.Phase = Offline
		}
		if it.UpgradableVersions != nil {
			e.UpgradableTo = []Version{}
			for _, s := range it.UpgradableVersions {
				u, err := Parse(s)
				if err != nil {
					return nil, fmt.Errorf("upgradable version of %s: %w", v, err)
				}
				e.UpgradableTo = append(e.UpgradableTo, u)
			}
		}
		for _, r := range it.Runtimes {
			e.Runtimes = append(e.Runtimes, Runtime{Name: r.Name, Version: r.Version})
		}
		for _, im := range it.Images {
			e.Images = append(e.Images, Image{ID: im.ImageID, Name: im.ImageName, Platform: im.Platform, OSVersion: im.OSVersion,
				Type: im.ImageType, OSType: im.OSType, Category: im.ImageCategory, Architecture: im.Architecture})
		}
		cat.Entries = append(cat.Entries, e)
	}
	sortEntries(cat.Entries)
	return cat, nil
}

// apiDate reads an RFC 3339 date of the API; zero when empty or
// malformed.
func apiDate(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// sortEntries orders entries oldest version first, as Catalog documents.
func sortEntries(es []CatalogEntry) {
	slices.SortStableFunc(es, func(a, b CatalogEntry) int { return a.Version.Compare(b.Version) })
}
