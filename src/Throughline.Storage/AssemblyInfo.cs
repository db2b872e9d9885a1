namespace Throughline.Storage;
