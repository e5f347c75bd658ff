package ack

import (
	"fmt"
	"slices"
	"strings"
)

// knownRegions are the region IDs in which ACK is known to run, public
// regions first, then the special (finance and government) clouds, from
// ACK's region lists of 2021 to 2025. na-south-1 (Mexico) is unconfirmed
// and kept, so that a real region is not refused. LoadConfig refuses any
// other region unless an endpoint is given.
var knownRegions = []string{
	"cn-qingdao", "cn-beijing", "cn-zhangjiakou", "cn-huhehaote", "cn-wulanchabu",
	"cn-hangzhou", "cn-shanghai", "cn-nanjing", "cn-fuzhou", "cn-wuhan-lr",
	"cn-shenzhen", "cn-heyuan", "cn-guangzhou", "cn-chengdu", "cn-hongkong",
	"ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-5",
	"ap-southeast-6", "ap-southeast-7", "ap-south-1", "ap-northeast-1", "ap-northeast-2",
	"us-west-1", "us-east-1", "eu-central-1", "eu-west-1", "me-east-1", "me-central-1",
	"na-south-1",
	"cn-hangzhou-finance-1", "cn-shanghai-finance-1", "cn-shanghai-finance-2",
	"cn-shenzhen-finance-1", "cn-north-2-gov-1",
}

// checkRegion refuses a region that is not known, naming the closest known
// one. from says where the region came from, for the message ("" when from
// an option).
func checkRegion(region, from string) error {
	if slices.Contains(knownRegions, region) {
		return nil
	}
	if from != "" {
		from = " (from " + from + ")"
	}
	return &configError{msg: fmt.Sprintf("ack config: unknown region %q%s: did you mean %q? "+
		"(for a region this SDK does not list, give its endpoint with ack.WithEndpoint)",
		region, from, closestRegion(region))}
}

// closestRegion returns the known region nearest to region in edit
// distance, ignoring case; the first in knownRegions' order on a tie.
func closestRegion(region string) string {
	region = strings.ToLower(region)
	best, bestDist := knownRegions[0], -1
	for _, r := range knownRegions {
		if d := editDistance(region, r); bestDist < 0 || d < bestDist {
			best, bestDist = r, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// configError is a refused setting of LoadConfig; it matches ErrInvalid.
type configError struct{ msg string }

func (e *configError) Error() string        { return e.msg }
func (e *configError) Is(target error) bool { return target == ErrInvalid }
