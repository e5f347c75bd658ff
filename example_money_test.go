package ack_test

import (
	"encoding/json"
	"fmt"

	"github.com/ackgo/ack"
)

// An ECI pod of 2 vCPU and 4 GiB, billed per second at the CNY list prices:
// every step is exact, and the bill is rounded once, where it settles.
func ExampleMoney() {
	vcpuSecond := ack.MustMoney("0.000049", ack.CNY)
	gibSecond := ack.MustMoney("0.00000613", ack.CNY)

	const seconds = 3600
	cpu := vcpuSecond.MulInt(2).MulInt(seconds)
	mem := gibSecond.MulInt(4).MulInt(seconds)
	hour, err := cpu.Add(mem)
	if err != nil {
		panic(err)
	}
	fmt.Println("one hour:", hour)
	fmt.Println("settled: ", hour.RoundToMinor())

	_, err = hour.Add(ack.MustMoney("0.09", ack.USD))
	fmt.Println(err)
	// Output:
	// one hour: 0.441072 CNY
	// settled:  0.44 CNY
	// add 0.09 USD to 0.441072 CNY: currency mismatch: CNY and USD
}

// A per-second price is an hourly price divided by 3600. The quotient does
// not terminate, and stays exact: 5400 seconds are exactly 1.5 hours.
func ExampleMoney_DivInt() {
	hourly := ack.MustMoney("0.407699", ack.CNY)
	perSecond := hourly.DivInt(3600)
	fmt.Println(perSecond)
	fmt.Println(perSecond.MulInt(5400))

	data, _ := json.Marshal(perSecond)
	fmt.Println(string(data))
	// Output:
	// ~0.0001132497 CNY
	// 0.6115485 CNY
	// {"amount":"407699/3600000000","currency":"CNY"}
}

// An ECI fee under 0.01 CNY is rounded half-up: 0.005 and above is charged
// as 0.01, below is not charged.
func ExampleMoney_RoundToMinor() {
	for _, fee := range []string{"0.005", "0.0049", "0.00502332"} {
		fmt.Println(fee, "->", ack.MustMoney(fee, ack.CNY).RoundToMinor())
	}
	// Output:
	// 0.005 -> 0.01 CNY
	// 0.0049 -> 0.00 CNY
	// 0.00502332 -> 0.01 CNY
}

// The zero value is a usable start for a running total in any one
// currency; Sum adds a slice at once.
func ExampleMoney_Add() {
	fees := []ack.Money{
		ack.MustMoney("0.64", ack.CNY),
		ack.MustMoney("0.441072", ack.CNY),
	}
	total, err := ack.SumMoney(fees...)
	fmt.Println(total, err)

	var running ack.Money
	for _, f := range fees {
		running, _ = running.Add(f)
	}
	fmt.Println(running)
	// Output:
	// 1.081072 CNY <nil>
	// 1.081072 CNY
}
