"""Mock interviews: timed rounds through every track, graded on the Junior/Senior/Staff rubric."""
