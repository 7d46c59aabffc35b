package format

import (
	"math"
	"strconv"
)

// Shares formats each part's share of their sum as a percentage, all with
// one precision so a column of them lines up: whole percentages when every
// share rounds to a whole number at one decimal place (50%, 30%, 20%), else
// one decimal place for all (61.7%, 6.0%). The shares are rounded by largest
// remainder, so those printed add up to exactly the total printed, which is
// returned too ("100%" or "100.0%"; "0%" when the parts sum to nothing).
func Shares(parts []int64) (shares []string, total string) {
	var sum int64
	for _, p := range parts {
		sum += p
	}
	shares = make([]string, len(parts))
	if sum <= 0 {
		for i := range shares {
			shares[i] = "0%"
		}
		return shares, "0%"
	}
	decimals := 0
	for _, p := range parts {
		if tenths := math.Round(float64(p) * 1000 / float64(sum)); math.Mod(tenths, 10) != 0 {
			decimals = 1
		}
	}
	unit := int64(100) // units of the last printed place in the whole
	if decimals == 1 {
		unit = 1000
	}
	// Largest remainder: floor every share, then give the units left over
	// to the shares that lost most by flooring (the earlier row on a tie).
	units := make([]int64, len(parts))
	rem := make([]int64, len(parts))
	left := unit
	for i, p := range parts {
		units[i] = p * unit / sum
		rem[i] = p * unit % sum
		left -= units[i]
	}
	for ; left > 0; left-- {
		best := -1
		for i := range rem {
			if rem[i] >= 0 && (best < 0 || rem[i] > rem[best]) {
				best = i
			}
		}
		units[best]++
		rem[best] = -1
	}
	for i, u := range units {
		shares[i] = tenthsOrWhole(u, decimals)
	}
	return shares, tenthsOrWhole(unit, decimals)
}

func tenthsOrWhole(u int64, decimals int) string {
	if decimals == 0 {
		return strconv.FormatInt(u, 10) + "%"
	}
	return strconv.FormatInt(u/10, 10) + "." + strconv.FormatInt(u%10, 10) + "%"
}
