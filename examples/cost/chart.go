package main

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/ackgo/ack/cluster"
	"github.com/ackgo/ack/pricing"
)

// Chart geometry, in SVG user units.
const (
	chartW, chartH               = 820, 500
	left, right, top, bottom     = 90, 200, 40, 60
	plotW, plotH                 = chartW - left - right, chartH - top - bottom
	xSteps                   int = 24 * 4 // a point every 15 minutes
)

var colors = map[cluster.Form]string{
	cluster.Dedicated: "#d62728", cluster.ManagedBasic: "#1f77b4", cluster.ManagedPro: "#2ca02c", cluster.Serverless: "#ff7f0e",
}

// chart draws every form's cost for 0 to 24 running hours a day: the
// node-based forms keep their nodes all day, so their lines are flat;
// serverless pays for the hours its pods run. Amounts are converted to
// float64 only here, for drawing.
func chart(e pricing.Estimator, w pricing.Workload, c pricing.Comparison) ([]byte, error) {
	series := map[cluster.Form][]float64{}
	maxCost := 0.0
	for _, f := range c.Forms[:3] {
		v := f.Total.Float64()
		pts := make([]float64, xSteps+1)
		for i := range pts {
			pts[i] = v
		}
		series[f.Form] = pts
		maxCost = max(maxCost, v)
	}
	sl := make([]float64, xSteps+1)
	for i := range sl {
		ww := w
		ww.HoursPerDay = time.Duration(i) * 24 * time.Hour / time.Duration(xSteps)
		if i == 0 {
			ww.Pods = 0
			ww.HoursPerDay = 24 * time.Hour
		}
		est, err := e.Estimate(pricing.Input{
			Spec:     cluster.Spec{Name: "Serverless", Region: ww.Region, Form: cluster.Serverless},
			Pods:     pricing.Pods{Count: ww.Pods, MilliCPU: ww.PodMilliCPU, MemoryMiB: ww.PodMemoryMiB, HoursPerDay: ww.HoursPerDay},
			Start:    c.Workload.Start,
			Duration: time.Duration(w.Days) * 24 * time.Hour,
		})
		if err != nil {
			return nil, err
		}
		sl[i] = est.Total.Float64()
		maxCost = max(maxCost, sl[i])
	}
	series[cluster.Serverless] = sl
	if maxCost <= 0 {
		maxCost = 1
	}
	yMax := niceCeil(maxCost * 1.05)
	x := func(h float64) float64 { return left + h/24*plotW }
	y := func(v float64) float64 { return top + plotH - v/yMax*plotH }

	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", chartW, chartH, chartW, chartH)
	fmt.Fprintf(&b, `<title>Cost of %d pods over %d days in %s, by running hours a day</title>`+"\n", w.Pods, w.Days, html.EscapeString(w.Region))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="white"/>`+"\n", chartW, chartH)
	// Axes, ticks and grid.
	fmt.Fprintf(&b, `<g class="axes" stroke="black"><line x1="%d" y1="%d" x2="%d" y2="%d"/><line x1="%d" y1="%d" x2="%d" y2="%d"/></g>`+"\n",
		left, top+plotH, left+plotW, top+plotH, left, top, left, top+plotH)
	for h := 0; h <= 24; h += 4 {
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/><text x="%.1f" y="%d" text-anchor="middle">%d</text>`+"\n",
			x(float64(h)), top, x(float64(h)), top+plotH, x(float64(h)), top+plotH+18, h)
	}
	for i := 0; i <= 5; i++ {
		v := yMax * float64(i) / 5
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/><text x="%d" y="%.1f" text-anchor="end">%.0f</text>`+"\n",
			left, y(v), left+plotW, y(v), left-8, y(v)+4, v)
	}
	fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle">running hours per day</text>`+"\n", left+plotW/2, chartH-15)
	fmt.Fprintf(&b, `<text transform="translate(20 %d) rotate(-90)" text-anchor="middle">cost over %d days (%s)</text>`+"\n", top+plotH/2, w.Days, c.Forms[0].Currency)
	// One series per form, with its legend entry.
	for i, f := range c.Forms {
		var pts strings.Builder
		for j, v := range series[f.Form] {
			fmt.Fprintf(&pts, "%.1f,%.1f ", x(float64(j)*24/float64(xSteps)), y(v))
		}
		fmt.Fprintf(&b, `<polyline class="series" data-form="%s" fill="none" stroke="%s" stroke-width="2" points="%s"/>`+"\n",
			f.Form, colors[f.Form], strings.TrimSpace(pts.String()))
		ly := top + 20*i
		fmt.Fprintf(&b, `<g class="legend"><line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"/><text x="%d" y="%d">%s</text></g>`+"\n",
			left+plotW+15, ly, left+plotW+40, ly, colors[f.Form], left+plotW+45, ly+4, f.Form)
	}
	// The break-even points.
	for i, be := range c.BreakEvens {
		if !be.Found {
			continue
		}
		ly := y(series[be.Form][0]) - 8 - 16*float64(i) // staggered: the node forms' lines lie close together
		h := be.HoursPerDay.Hours()
		v := series[be.Form][0]
		fmt.Fprintf(&b, `<g class="break-even" data-form="%s"><circle cx="%.1f" cy="%.1f" r="5" fill="none" stroke="black"/><text x="%.1f" y="%.1f">%s cheaper from %s a day</text></g>`+"\n",
			be.Form, x(h), y(v), x(h)+8, ly, be.Form, hhmm(be.HoursPerDay))
	}
	b.WriteString("</svg>\n")
	return b.Bytes(), nil
}

// niceCeil rounds v up to 1, 2 or 5 times a power of ten.
func niceCeil(v float64) float64 {
	p := 1.0
	for p*10 <= v {
		p *= 10
	}
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

// hhmm writes a daily running time as "7h14m".
func hhmm(d time.Duration) string {
	m := int(d / time.Minute)
	return fmt.Sprintf("%dh%02dm", m/60, m%60)
}
