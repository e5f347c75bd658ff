package fake

import (
	"fmt"
	"math/big"
	"net/http"
	"strings"
)

// The container instances' control endpoints, with their protections
// (controlRefusal). /_fake/container-instances and
// /_fake/container-instances/stop are their earlier names, still served:
//
//	GET    /_fake/instances?cluster_id=c-...    a serverless cluster's container instances
//	POST   /_fake/instances                     {"cluster_id","count","vcpu":"0.25","memory_gib":"0.5"}: start
//	POST   /_fake/instances/stop                {"cluster_id","ids":["eci-..."]}: stop some
//	DELETE /_fake/instances/ID?cluster_id=c-... stop one

// instancesExample and stopExample are bodies the endpoints take.
const (
	instancesExample = `{"cluster_id":"c-...","count":1,"vcpu":"2","memory_gib":"4"}`
	stopExample      = `{"cluster_id":"c-...","ids":["eci-..."]}`
)

// instanceControl answers /_fake/instances, /_fake/instances/stop and
// /_fake/instances/ID (and their earlier names under
// container-instances); handled is false for any other name.
func (c *Cloud) instanceControl(r *http.Request, name string) (a answer, handled bool) {
	if n, alias := strings.CutPrefix(name, "container-"); alias {
		name = n
	}
	id, one := strings.CutPrefix(name, "instances/")
	switch {
	case name != "instances" && !one:
		return answer{}, false
	case id == "stop":
		return c.controlStopContainers(r), true
	case one:
		return c.controlStopContainer(r, id), true
	case r.Method == http.MethodGet:
		return c.controlListContainers(r), true
	}
	return c.controlStartContainers(r), true
}

func (c *Cloud) controlListContainers(r *http.Request) answer {
	id := r.URL.Query().Get("cluster_id")
	if id == "" {
		return fail(NewError(InvalidParameter, "%sinstances: give the cluster as ?cluster_id=c-...", controlPrefix))
	}
	out := []containerJSON{}
	for _, ci := range c.ContainerInstances(id) {
		out = append(out, toContainerJSON(ci))
	}
	return ok(out)
}

// containerJSON is a container instance as the endpoints show it.
type containerJSON struct {
	ID        string `json:"id"`
	ClusterID string `json:"cluster_id"`
	VCPU      string `json:"vcpu"`
	MemoryGiB string `json:"memory_gib"`
	Started   string `json:"started"`
	Stopped   string `json:"stopped,omitempty"`
}

func toContainerJSON(ci ContainerInstance) containerJSON {
	out := containerJSON{ID: ci.ID, ClusterID: ci.ClusterID,
		VCPU: ratio(ci.MilliCPU, 1000), MemoryGiB: ratio(ci.MemoryMiB, 1024), Started: formatTime(ci.Started)}
	if !ci.Stopped.IsZero() {
		out.Stopped = formatTime(ci.Stopped)
	}
	return out
}

// ratio writes n/unit as a short decimal.
func ratio(n, unit int64) string {
	s := big.NewRat(n, unit).FloatString(3)
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}

// scaled reads a decimal quantity s exactly, times scale (1000 for vCPU to
// millicores, 1024 for GiB to MiB).
func scaled(field, s string, scale int64) (int64, error) {
	r, ok := new(big.Rat).SetString(s)
	if s == "" || !ok || strings.ContainsAny(s, "eE/") || r.Sign() <= 0 {
		return 0, fmt.Errorf("%s %q: want a decimal above zero, like \"0.5\"", field, cut(s))
	}
	r.Mul(r, big.NewRat(scale, 1))
	if !r.IsInt() || !r.Num().IsInt64() {
		return 0, fmt.Errorf("%s %q: too fine; give at most a 1/%d", field, cut(s), scale)
	}
	return r.Num().Int64(), nil
}

func (c *Cloud) controlStartContainers(r *http.Request) answer {
	var body struct {
		ClusterID string `json:"cluster_id"`
		Count     int    `json:"count"`
		VCPU      string `json:"vcpu"`
		MemoryGiB string `json:"memory_gib"`
	}
	if err := decodeControlJSON(r.Body, &body); err != nil {
		return badBody("instances", instancesExample, err)
	}
	cpu, err := scaled("vcpu", body.VCPU, 1000)
	if err != nil {
		return fail(NewError(InvalidParameter, "%sinstances: %v", controlPrefix, err))
	}
	mem, err := scaled("memory_gib", body.MemoryGiB, 1024)
	if err != nil {
		return fail(NewError(InvalidParameter, "%sinstances: %v", controlPrefix, err))
	}
	ids, err := c.StartContainerInstances(body.ClusterID, body.Count, ContainerSize{MilliCPU: cpu, MemoryMiB: mem})
	if err != nil {
		return worldFail(err)
	}
	now := c.Now()
	out := make([]containerJSON, len(ids))
	for i, id := range ids {
		out[i] = toContainerJSON(ContainerInstance{ID: id, ClusterID: body.ClusterID, ContainerSize: ContainerSize{cpu, mem}, Started: now})
	}
	return ok(out)
}

func (c *Cloud) controlStopContainers(r *http.Request) answer {
	var body struct {
		ClusterID string   `json:"cluster_id"`
		IDs       []string `json:"ids"`
	}
	if err := decodeControlJSON(r.Body, &body); err != nil {
		return badBody("instances/stop", stopExample, err)
	}
	for _, id := range body.IDs {
		if err := c.StopContainerInstance(body.ClusterID, id); err != nil {
			return worldFail(err)
		}
	}
	return ok(map[string]any{"stopped": body.IDs})
}

func (c *Cloud) controlStopContainer(r *http.Request, id string) answer {
	cluster := r.URL.Query().Get("cluster_id")
	if cluster == "" {
		return fail(NewError(InvalidParameter, "%sinstances/%s: give the cluster as ?cluster_id=c-...", controlPrefix, cut(id)))
	}
	if err := c.StopContainerInstance(cluster, id); err != nil {
		return worldFail(err)
	}
	return ok(map[string]any{"stopped": []string{id}})
}
