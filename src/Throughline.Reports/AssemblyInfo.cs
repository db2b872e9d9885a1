namespace Throughline.Reports;
