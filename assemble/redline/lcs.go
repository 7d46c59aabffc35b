package redline

// intern numbers equal strings of two lists alike, so the longest common
// subsequence compares integers rather than markup.
func intern(a, b []string) ([]int, []int) {
	ids := map[string]int{}
	num := func(xs []string) []int {
		out := make([]int, len(xs))
		for i, x := range xs {
			id, ok := ids[x]
			if !ok {
				id = len(ids)
				ids[x] = id
			}
			out[i] = id
		}
		return out
	}
	return num(a), num(b)
}

// lcs returns the index pairs of a longest common subsequence of a and b,
// in order. Equal leading and trailing elements are matched first, so the
// table is only as large as the stretch that differs.
func lcs(a, b []int) [][2]int {
	var head [][2]int
	for len(head) < len(a) && len(head) < len(b) && a[len(head)] == b[len(head)] {
		head = append(head, [2]int{len(head), len(head)})
	}
	p := len(head)
	tail := 0
	for tail < len(a)-p && tail < len(b)-p && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	ma, mb := a[p:len(a)-tail], b[p:len(b)-tail]
	n, m := len(ma), len(mb)
	out := head
	if n > 0 && m > 0 {
		// length[i][j] is the LCS length of ma[i:] and mb[j:], in one slice.
		w := m + 1
		length := make([]int32, (n+1)*w)
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if ma[i] == mb[j] {
					length[i*w+j] = length[(i+1)*w+j+1] + 1
				} else {
					length[i*w+j] = max(length[(i+1)*w+j], length[i*w+j+1])
				}
			}
		}
		for i, j := 0, 0; i < n && j < m; {
			switch {
			case ma[i] == mb[j]:
				out = append(out, [2]int{p + i, p + j})
				i, j = i+1, j+1
			case length[(i+1)*w+j] >= length[i*w+j+1]:
				i++
			default:
				j++
			}
		}
	}
	for k := tail; k > 0; k-- {
		out = append(out, [2]int{len(a) - k, len(b) - k})
	}
	return out
}
