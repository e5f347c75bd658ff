package versionmock_test

import (
	"context"
	"fmt"
	"testing"

	"go.uber.org/mock/gomock"

	"github.com/ackgo/ack/version"
	"github.com/ackgo/ack/version/versionmock"
)

// newestCreatable is code of the user's own that reads a catalog.
func newestCreatable(ctx context.Context, r version.CatalogReader) (string, error) {
	cat, err := r.Catalog(ctx)
	if err != nil {
		return "", err
	}
	e, ok := cat.NewestCreatable()
	if !ok {
		return "", fmt.Errorf("no creatable version")
	}
	return e.Version.String(), nil
}

// A scripted catalog answers the user's code.
func Example() {
	t := &testing.T{} // in a real test, the test's own *testing.T
	ctrl := gomock.NewController(t)
	m := versionmock.NewMockCatalogReader(ctrl)
	m.EXPECT().Catalog(gomock.Any()).Return(&version.Catalog{Entries: []version.CatalogEntry{
		{Version: version.MustParse("1.32.1-aliyun.1"), Creatable: true, Phase: version.Online},
		{Version: version.MustParse("1.34.1-aliyun.1"), Creatable: true, Phase: version.Online},
	}}, nil)
	v, err := newestCreatable(context.Background(), m)
	fmt.Println(v, err)
	// Output:
	// 1.34.1-aliyun.1 <nil>
}
