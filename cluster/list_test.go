package cluster_test

import (
	"context"
	"errors"
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/fake"
	"github.com/ackgo/ack/internal/wire"
)

// sevenClusters creates seven clusters of the three forms in the fake and
// returns their names in creation order.
func sevenClusters(t *testing.T, c *cluster.Client) []string {
	t.Helper()
	var names []string
	for i := range 7 {
		s := bulkSpec(i)
		createRunning(t, c, s)
		names = append(names, s.Name)
	}
	return names
}

// TestListPages lists clusters page by page with filters and checks what
// is yielded and which pages were asked for.
func TestListPages(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New()
	c := newClient(cloud, func(o *cluster.ClientOptions) { o.PageSize = 2 })
	all := sevenClusters(t, c)

	tests := []struct {
		name      string
		opts      func(*cluster.ListOptions)
		want      []string
		wantPages []url.Values
	}{
		{"everything, by pages of two", nil, all, []url.Values{
			{"page_number": {"1"}, "page_size": {"2"}}, {"page_number": {"2"}, "page_size": {"2"}},
			{"page_number": {"3"}, "page_size": {"2"}}, {"page_number": {"4"}, "page_size": {"2"}},
		}},
		{"dedicated", func(o *cluster.ListOptions) { o.Form = cluster.Dedicated; o.PageSize = 10 }, []string{all[1], all[4]},
			[]url.Values{{"cluster_type": {"Kubernetes"}, "page_number": {"1"}, "page_size": {"10"}}}},
		{"serverless, filtered here", func(o *cluster.ListOptions) { o.Form = cluster.Serverless; o.PageSize = 10 },
			[]string{all[2], all[5]}, []url.Values{{"page_number": {"1"}, "page_size": {"10"}}}},
		{"managed pro", func(o *cluster.ListOptions) { o.Form = cluster.ManagedPro; o.PageSize = 10 }, []string{all[0], all[3], all[6]},
			[]url.Values{{"cluster_type": {"ManagedKubernetes"}, "page_number": {"1"}, "page_size": {"10"}}}},
		{"by name", func(o *cluster.ListOptions) { o.Name = "0004" }, []string{all[4]},
			[]url.Values{{"name": {"0004"}, "page_number": {"1"}, "page_size": {"2"}}}},
		{"nothing", func(o *cluster.ListOptions) { o.Name = "none" }, nil,
			[]url.Values{{"name": {"none"}, "page_number": {"1"}, "page_size": {"2"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cloud.ClearCalls()
			var got []string
			for cl, err := range c.List(ctx, tt.opts) {
				if err != nil {
					t.Fatalf("List: %v", err)
				}
				if cl.RequestID == "" || cl.State != cluster.StateRunning {
					t.Errorf("cluster %s: request %q, state %s; want a request ID, running", cl.Spec.Name, cl.RequestID, cl.State)
				}
				got = append(got, cl.Spec.Name)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("clusters (-want +got):\n%s", diff)
			}
			var pages []url.Values
			for _, call := range cloud.Calls() {
				pages = append(pages, call.Query)
			}
			if diff := cmp.Diff(tt.wantPages, pages); diff != "" {
				t.Errorf("pages asked for (-want +got):\n%s", diff)
			}
		})
	}
}

// TestListStops checks that breaking out of the loop fetches no further
// page, and that an error ends the iteration after it is yielded once.
func TestListStops(t *testing.T) {
	ctx := context.Background()
	cloud := fake.New()
	c := newClient(cloud, func(o *cluster.ClientOptions) { o.PageSize = 2 })
	sevenClusters(t, c)

	cloud.ClearCalls()
	for range c.List(ctx) {
		break
	}
	if n := len(cloud.Calls()); n != 1 {
		t.Errorf("breaking after the first cluster made %d calls, want 1", n)
	}

	cloud.ClearCalls()
	cloud.PrependReactor(wire.ActionDescribeClustersV1, func(call fake.Call) (fake.Reaction, bool) {
		if call.Query.Get("page_number") == "2" {
			return fake.Reaction{Err: fake.NewError(fake.ErrorCheckAcl, "no list permission")}, true
		}
		return fake.Reaction{}, false
	})
	var yielded, errs int
	for cl, err := range c.List(ctx) {
		if err != nil {
			errs++
			if !errors.Is(err, ack.ErrAuth) || cl != nil {
				t.Errorf("List yielded %v, %v; want a nil cluster and the auth error", cl, err)
			}
			continue
		}
		yielded++
	}
	if yielded != 2 || errs != 1 {
		t.Errorf("List yielded %d clusters and %d errors; want 2 and 1", yielded, errs)
	}
}
