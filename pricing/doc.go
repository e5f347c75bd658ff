// Package pricing says what ACK clusters cost: a price book, the billing
// rules of each cluster form, estimates per form, a comparison of the
// forms for a workload, and bills of a record of what existed when. It is
// pure domain code: no I/O, no clock; every amount is an exact ack.Money.
//
// # The billing model
//
// The product description bills each form differently, and this package
// follows it:
//
//	form           pays for                                            fee
//	Dedicated      masters + workers (ECS), NAT gateway, API-server CLB  none
//	ManagedBasic   workers (ECS), NAT gateway, API-server CLB            none
//	ManagedPro     as ManagedBasic                                      per cluster-hour (Current)
//	Serverless     container instances per pod-second, API-server CLB   none
//
// ECS nodes are pay-as-you-go (per second) or subscription; load balancers,
// NAT gateways and EIPs are pay-as-you-go by the hour. The rules, each a
// small function:
//
//   - Per second, settled hourly (Settle): ECS nodes and container
//     instances pay price × seconds, kept exact (an hourly price / 3600
//     stays a fraction), and settle per instance at every clock hour of
//     UTC+8 (BillingZone): each hour's charge is rounded half-up to the fen.
//     That is the ECI rule for small fees: under 0.01 CNY, 0.005 and above
//     is charged 0.01 and less is not charged. A 2 vCPU / 4 GiB container
//     instance costs 0.441072 CNY an hour before settlement (0.44 settled);
//     one of 0.25 vCPU / 0.5 GiB for 30 s pays nothing; 2 vCPU / 4 GiB for
//     50 s pays 0.01.
//   - Container instances (ECIPerSecond): vCPUs × the vCPU-second price +
//     GiB × the GiB-second price.
//   - The Pro management fee (ManagementFeeHours, Billed): per clock hour
//     of UTC+8; the partial first hour after creation and the partial last
//     hour before release are free; charged only while the cluster is in a
//     billed state (running, updating, upgrading, scaling, removing,
//     draining; never initial, failed, stopped, inactive, unavailable,
//     deleting or the other failed states). 10:20 to 13:40 is two hours:
//     1.28 CNY.
//   - CLB, NAT and EIP (Hours, Hourly): by the hour, a partial hour rounded
//     up: 90 minutes of a NAT gateway pay two hours.
//   - Subscription (Subscription): 720 hours a month at the pay-as-you-go
//     price less a discount the caller gives, since no public table exists.
//
// Two presets decide the fees: Current (the zero value; ACK today: the Pro
// fee is charged) and Product (the product description: no management fee
// for any form). Prices come from the book either way.
//
// # The default book
//
// DefaultBook is dated DefaultBookDate (2024-10-16), in CNY, from these
// sources (see the project's FACTS, part B2):
//
//	item                      price (CNY)           source
//	ECS, 9 types × cn-hangzhou, cn-beijing,          China-site instancePrice.json, scraped
//	  ap-southeast-1, us-west-1 (per node-hour)      2024-10-10/16 (S11, S12)
//	eci.vcpu (vCPU-second)    0.000049              ECI billing docs, 2021-07 (S4, S9)
//	eci.memory (GiB-second)   0.00000613            same
//	ack.pro (cluster-hour)    0.64                  ACK Pro billing page (S1, S2)
//	clb.internal (hour)       0                     CLB pricing 2019-06 (S15): no instance
//	                                                fee for internal-facing, spec s1 free
//	clb.internet (hour)       0.02 (0.04 Singapore) same
//	nat (hour)                0.23 (0.30 Singapore) NAT pricing 2020-12 (S17), instance fee
//	eip (hour)                0.02                  EIP pricing 2019-05 (S19), retention fee
//
// Prices without a region hold in every region (AnyRegion). NAT CU fees
// and traffic are usage-based and not estimated. A price the book lacks is
// a *MissingPriceError naming the item and the region (errors.Is
// ErrNoPrice), never a silent zero: supply it with Book.Set, or load a
// whole book of your own, for instance a contract's, with ParseBook (its
// JSON is what Book's MarshalJSON writes).
//
// # Estimates, comparisons and bills
//
// Estimator.Estimate prices a cluster.Spec (its masters, legacy workers
// and node pools) or, for serverless, Pods, from a start for a duration,
// and returns itemised lines and a total. Estimator.Compare takes a
// Workload (pods with vCPU and memory, hours a day, days, a node type),
// sizes the workers to fit the pods by vCPU and by memory after
// DefaultReservePercent, at most as many pods a node as the default
// Flannel node CIDR holds (64; SizeNodes), prices the four forms, and
// names the
// cheapest and each node-based form's break-even against serverless: the
// daily running hours from which it costs less. Estimator.Bill bills a
// Timeline of what existed when, clipped to a period and settled hour by
// hour; the fake's billing meter (fake.Cloud.Bill) records one.
//
// See Example and ExampleEstimator_Compare.
package pricing
