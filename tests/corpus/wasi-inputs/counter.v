module counter(input clk, input rst, input en, output reg [7:0] q, output wrap);
  always @(posedge clk)
    if (rst) q <= 8'd0;
    else if (en) q <= q + 8'd1;
  assign wrap = en && (q == 8'hff);
endmodule
