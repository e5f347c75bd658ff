package signing

import (
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	"github.com/google/go-cmp/cmp"
)

func TestProbe(t *testing.T) { _ = auth.Sign; _ = requests.NewCommonRequest; _ = sdk.NewClient; _ = cmp.Diff }
