[assembly: CLSCompliant(true)]
